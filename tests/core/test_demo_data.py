import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from groups.models import Group, Membership
from moderation.models import ModeratorProfile

pytestmark = pytest.mark.django_db


def test_the_demo_data_loads_twice_without_duplicates_and_the_accounts_can_sign_in(client):
    call_command("load_demo", verbosity=0)
    call_command("load_demo", verbosity=0)
    users = get_user_model().objects
    assert users.count() == 2
    assert Group.objects.count() == 3
    member = users.get(pseudonym="demo_member")
    assert Membership.objects.filter(user=member, status="active").count() == 2
    profile = ModeratorProfile.objects.get(user__pseudonym="demo_mod")
    assert profile.on_duty and profile.rota_role == "lead"
    client.post(
        "/accounts/login/", {"login": "member@example.org", "password": "demo-password-123"}
    )
    assert client.session["_auth_user_id"] == str(member.pk)
