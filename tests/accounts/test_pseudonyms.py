import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError

from supportnet.accounts.pseudonyms import skeleton, validate_pseudonym


@pytest.mark.parametrize("name", ["sky", "river_stone", "Ash-2024", "m.o.o.n", "x" * 30])
def test_ordinary_pseudonyms_are_accepted(name):
    validate_pseudonym(name)


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("ab", "length"),
        ("x" * 31, "length"),
        ("with space", "characters"),
        ("emoji🙂", "characters"),
        ("<script>", "characters"),
        ("...", "empty"),
        ("admin", "reserved"),
        ("ADMIN", "reserved"),
        ("ａｄｍｉｎ", "reserved"),  # full-width letters fold to "admin"
        ("adm1n", "reserved"),
        ("the_moderator", "reserved"),
        ("m0derator-jo", "reserved"),
        ("SupportNet", "reserved"),
        ("staff", "reserved"),
    ],
)
def test_bad_or_reserved_pseudonyms_are_refused_with_a_reason(name, code):
    with pytest.raises(ValidationError) as error:
        validate_pseudonym(name)
    assert error.value.code == code


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("Robin", "robin"),
        ("r0bin", "robin"),
        ("Iris", "lris"),
        ("corn", "com"),
        ("ｒｏｂｉｎ", "robin"),
    ],
)
def test_look_alike_pseudonyms_share_a_skeleton(one, other):
    assert skeleton(one) == skeleton(other)


def test_create_user_takes_email_password_and_pseudonym(db):
    user = get_user_model().objects.create_user(
        email="Someone@Example.org", password="a-long-password", pseudonym="quiet_fox"
    )
    assert user.email == "someone@example.org"
    assert user.pseudonym == "quiet_fox"
    assert user.check_password("a-long-password")
    assert not user.is_staff and not user.is_moderator


def test_a_look_alike_of_a_taken_pseudonym_cannot_be_created(db):
    users = get_user_model().objects
    users.create_user(email="a@example.org", password="a-long-password", pseudonym="Robin")
    with pytest.raises(ValidationError):
        users.create_user(email="b@example.org", password="a-long-password", pseudonym="r0bin")
    assert users.count() == 1


def test_the_user_model_has_no_real_name_fields():
    names = {field.name for field in get_user_model()._meta.get_fields()}
    assert not names & {"first_name", "last_name", "full_name", "name", "username"}
