import pytest
from django.urls import reverse

from moderation.models import Alert, Case
from moderation.services import case_acknowledge, moderator_appoint, reach_out_request
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_asking_for_a_moderator_opens_a_case_and_alerts_the_moderators_on_duty(client, member):
    on_duty = UserFactory()
    moderator_appoint(user=on_duty, on_duty=True)
    client.force_login(member)
    response = client.post(reverse("moderation:reach_out"), {"next": "/groups/"})
    assert response["Location"] == "/groups/"
    case = Case.objects.get()
    assert case.subject == member
    assert "asked for a moderator to reach out" in case.reasons
    assert Alert.objects.get().recipient == on_duty


def test_asking_again_after_a_case_was_taken_alerts_again():
    member, on_duty = UserFactory(), UserFactory()
    moderator_appoint(user=on_duty, on_duty=True)
    case = reach_out_request(member=member)
    case_acknowledge(case=case, moderator=on_duty)
    reach_out_request(member=member)
    case.refresh_from_db()
    assert case.state == "open"
    assert Alert.objects.filter(acknowledged_at__isnull=True).count() == 1


def test_asking_is_limited_and_never_leaves_the_site(client, member):
    client.force_login(member)
    for _ in range(4):
        response = client.post(reverse("moderation:reach_out"), {"next": "https://evil.example/"})
        assert response["Location"] == "/"
    assert Case.objects.count() == 1


@pytest.mark.parametrize("next_url", ["a\x00b", "groups", "home"])
def test_a_next_that_is_not_a_path_returns_home_instead_of_failing(client, member, next_url):
    client.force_login(member)
    response = client.post(reverse("moderation:reach_out"), {"next": next_url})
    assert response.status_code == 302
    assert response["Location"] == "/"
    assert Case.objects.filter(subject=member).count() == 1


def test_asking_again_about_an_open_case_is_limited_but_a_closed_case_never_stops_a_new_ask():
    from moderation.services import case_close
    from supportnet.core.ratelimit import RateLimited

    member, on_duty = UserFactory(), UserFactory()
    moderator_appoint(user=on_duty, on_duty=True)
    for _ in range(4):  # asking, then asking again three times
        case = reach_out_request(member=member)
    with pytest.raises(RateLimited):  # moderators already know
        reach_out_request(member=member)
    case_close(case=case, moderator=on_duty, false_alarm=True, outcome="Talked it through.")

    again = reach_out_request(member=member)  # within the same hour
    assert again.pk != case.pk and again.state == "open"
    assert Alert.objects.filter(case=again, recipient=on_duty).exists()
    # A case opened anew (here by the detector) is asked about afresh, whatever came before.
    case_close(case=again, moderator=on_duty, false_alarm=True, outcome="Checked in.")
    concern = Case.objects.create(subject=member, level=Case.Level.CONCERN)
    assert reach_out_request(member=member).pk == concern.pk
    assert Alert.objects.filter(case=concern, recipient=on_duty).exists()
