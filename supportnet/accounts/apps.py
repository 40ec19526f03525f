from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "supportnet.accounts"
    label = "accounts"
    verbose_name = "Accounts"
