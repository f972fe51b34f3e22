import factory
from django.test import Client
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

from wegwijs.accounts.models import User

PASSWORD = "correct horse battery staple"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User

    email = factory.Sequence(lambda number: f"staff{number}@wegwijs.test")
    full_name = factory.Faker("name", locale="nl_NL")
    language = "nl"
    password = factory.django.Password(PASSWORD)


class TOTPDeviceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TOTPDevice

    user = factory.SubFactory(UserFactory)
    name = "authenticator app"
    confirmed = True


def signed_in_client(user: User, *, verified: bool = True) -> Client:
    """A client logged in as `user`; with `verified`, also past the second factor (as django_otp.login does)."""
    client = Client()
    client.force_login(user)
    if verified:
        device = TOTPDeviceFactory(user=user)
        session = client.session
        session[DEVICE_ID_SESSION_KEY] = device.persistent_id
        session.save()
    return client
