"""Ids from forms: only a short run of ASCII digits is one."""

import pytest

from supportnet.core.ids import parse_id


@pytest.mark.parametrize(
    ("value", "expected"), [("7", 7), (42, 42), ("0012", 12), ("9" * 18, 10**18 - 1)]
)
def test_plain_digits_are_an_id(value, expected):
    assert parse_id(value) == expected


@pytest.mark.parametrize(
    "value", ["", "-1", "1.0", " 1", "¹", "٣", "１", "1\x00", "9" * 19, "0" * 5000]
)
def test_anything_else_is_not_an_id(value):
    assert parse_id(value) is None


@pytest.mark.django_db
@pytest.mark.parametrize("value", ["9" * 40, "¹", "1.5", "-3"])
def test_a_multiple_choice_of_rows_refuses_what_is_not_an_id_as_a_form_error(value):
    from django import forms

    from resources.models import Topic
    from supportnet.core.ids import ModelMultipleIdField

    topic = Topic.objects.create(slug="safety", name="Safety")

    class Choose(forms.Form):
        topics = ModelMultipleIdField(queryset=Topic.objects.all())

    assert Choose({"topics": [str(topic.pk)]}).is_valid()
    form = Choose({"topics": [str(topic.pk), value]})
    assert not form.is_valid()
    assert "topics" in form.errors
