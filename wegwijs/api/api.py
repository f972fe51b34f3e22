"""The API object. Each app contributes a router from its own `api.py`."""

from ninja import NinjaAPI

from wegwijs.api.auth import TokenAuth
from wegwijs.api.errors import install_error_handlers
from wegwijs.helpdesk.api import router as helpdesk_router
from wegwijs.knowledge.api import router as knowledge_router
from wegwijs.tenancy.api import router as tenancy_router

api = NinjaAPI(
    title="Wegwijs API",
    version="1",
    description="Integrations of one organisation. Authenticate with 'Authorization: Bearer <token>'.",
    urls_namespace="api",
    auth=TokenAuth(),
)
install_error_handlers(api)
api.add_router("/", tenancy_router)
api.add_router("/", helpdesk_router)
api.add_router("/", knowledge_router)
