from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "wegwijs.accounts"
    label = "accounts"
