from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from wegwijs.tenancy.roles import ApiScope
from wegwijs.tenancy.scope import command_scope
from wegwijs.tenancy.selectors import organisation_list_public
from wegwijs.tenancy.services import api_token_create


class Command(BaseCommand):
    help = "Create an API token for one organisation's integration. The secret is printed once."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("organisation", help="the organisation's address name (slug)")
        parser.add_argument("name", help="what the token is for, e.g. 'portal login widget'")
        parser.add_argument(
            "--scope", action="append", choices=ApiScope.values, required=True, help="repeat for more scopes"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        organisation = organisation_list_public().filter(slug=options["organisation"]).first()
        if organisation is None:
            raise CommandError(f"No active organisation with the address name {options['organisation']!r}.")
        with command_scope("api-token", [organisation]):
            token, secret = api_token_create(
                actor=None,
                organisation=organisation,
                name=options["name"],
                scopes=[ApiScope(value) for value in options["scope"]],
            )
        self.stdout.write(f"Token {token.prefix}… for {organisation.name}, scopes: {', '.join(token.scopes)}")
        self.stdout.write("Send it as 'Authorization: Bearer <secret>'. It is shown only now:")
        self.stdout.write(secret)
