import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
application = get_wsgi_application()

# The first question would otherwise wait for the triage's models to load (wegwijs.triage.warm_up).
from wegwijs.triage import warm_up  # noqa: E402 - Django must be set up first

warm_up()
