import factory
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
