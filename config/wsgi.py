import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
application = get_wsgi_application()

# The first question would otherwise wait for the triage's models to load (wegwijs.triage.warm_up).
from wegwijs.triage import warm_up  # noqa: E402 - Django must be set up first

warm_up()

# The first insights page would otherwise wait for scipy's optimisers (suppression's exact check) to import.
from wegwijs.insights.suppression import warm_up as insights_warm_up  # noqa: E402

insights_warm_up()
