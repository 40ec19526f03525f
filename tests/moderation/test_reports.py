"""Member reports: any member can report what they can see; "at risk" opens a case."""

import pytest
from django.urls import reverse

from groups.services import reply_create, thread_create
from moderation.models import Case, Report
from moderation.services import ModerationError, moderator_appoint, report_create
from supportnet.core.ratelimit import RateLimited
from tests.factories import UserFactory, enable_totp
from tests.groups.factories import make_group, make_member

pytestmark = pytest.mark.django_db


def _post():
    group = make_group()
    reporter, author = make_member(group), make_member(group)
    thread = thread_create(group=group, author=group.created_by, title="T", body="B")
    reply = reply_create(thread=thread, author=author, body="a reply")
    return group, reporter, author, thread, reply


def test_an_at_risk_report_opens_a_case_for_the_poster():
    _, reporter, author, _, reply = _post()
    moderator_appoint(user=UserFactory(), on_duty=True)
    report = report_create(reporter=reporter, content=reply, reason="at_risk")
    case = Case.objects.get()
    assert report.case == case
    assert case.level == "report"
    assert case.subject == author
    assert case.alerts.count() == 1


def test_other_reports_wait_in_the_queue_without_a_case():
    _, reporter, _, _, reply = _post()
    report_create(reporter=reporter, content=reply, reason="harassment", text="rude")
    assert not Case.objects.exists()
    assert Report.objects.get().state == "open"


def test_reporting_twice_changes_nothing_and_bad_reasons_are_refused():
    _, reporter, _, _, reply = _post()
    first = report_create(reporter=reporter, content=reply, reason="spam")
    assert report_create(reporter=reporter, content=reply, reason="spam") == first
    with pytest.raises(ModerationError):
        report_create(reporter=reporter, content=reply, reason="because")
    assert Report.objects.count() == 1


def test_members_report_through_the_form_and_the_reported_member_sees_nothing(client):
    _group, reporter, author, thread, reply = _post()
    client.force_login(reporter)
    url = reverse("moderation:report", args=["reply", reply.pk])
    assert client.get(url).status_code == 200
    response = client.post(url, {"reason": "harassment", "text": "unkind"})
    assert response.status_code == 302
    assert Report.objects.get().reporter == reporter
    client.force_login(author)
    page = client.get(thread.get_absolute_url()).content.decode()
    assert reporter.pseudonym not in page


@pytest.mark.parametrize("data", [{}, {"reason": "nope"}, {"reason": "spam", "text": "x" * 501}])
def test_bad_report_input_gets_a_form_error_and_saves_nothing(client, data):
    _, reporter, _, _, reply = _post()
    client.force_login(reporter)
    response = client.post(reverse("moderation:report", args=["reply", reply.pk]), data)
    assert response.status_code == 400
    assert not Report.objects.exists()


def test_people_outside_the_group_cannot_report_its_posts(client):
    _, _, _, _, reply = _post()
    client.force_login(UserFactory())
    url = reverse("moderation:report", args=["reply", reply.pk])
    assert client.get(url).status_code == 404
    assert client.get(reverse("moderation:report", args=["other", reply.pk])).status_code == 404


def test_reporting_is_rate_limited(settings):
    settings.SUPPORTNET_POST_INTERVAL = 0
    group = make_group()
    reporter = make_member(group)
    thread = thread_create(group=group, author=group.created_by, title="T", body="B")
    replies = [
        reply_create(thread=thread, author=make_member(group), body=f"reply {i}") for i in range(11)
    ]
    for reply in replies[:10]:
        report_create(reporter=reporter, content=reply, reason="spam")
    with pytest.raises(RateLimited):
        report_create(reporter=reporter, content=replies[10], reason="spam")
    assert Report.objects.count() == 10


def test_moderators_uphold_or_dismiss_reports(client):
    _, reporter, _, _, reply = _post()
    report = report_create(reporter=reporter, content=reply, reason="spam")
    moderator = UserFactory()
    moderator_appoint(user=moderator)
    enable_totp(moderator)
    client.force_login(moderator)
    assert "a reply" in client.get(reverse("moderation:dashboard")).content.decode()
    client.post(reverse("moderation:report_decision", args=[report.pk]), {"decision": "dismiss"})
    report.refresh_from_db()
    assert report.state == "dismissed"


def test_reports_by_members_whose_reports_were_upheld_come_first(settings):
    """Then reports with no record (and automatic flags), then those by members whose reports
    were mostly dismissed; oldest first within each."""
    from moderation.selectors import open_reports
    from moderation.services import report_decide

    settings.SUPPORTNET_POST_INTERVAL = 0
    group = make_group()
    thread = thread_create(group=group, author=group.created_by, title="T", body="B")
    reliable, unknown, careless = (make_member(group) for _ in range(3))
    moderator = UserFactory()
    moderator_appoint(user=moderator)
    for reporter, upheld in ((reliable, True), (careless, False), (careless, False)):
        earlier = reply_create(thread=thread, author=make_member(group), body="earlier")
        report = report_create(reporter=reporter, content=earlier, reason="spam")
        report_decide(report=report, moderator=moderator, uphold=upheld)
    now_open = {}
    for reporter in (careless, unknown, reliable):  # the reliable one reports last
        reply = reply_create(thread=thread, author=make_member(group), body="a reply")
        now_open[reporter] = report_create(reporter=reporter, content=reply, reason="harassment")
    queue = open_reports(moderator=moderator)
    assert queue == [now_open[reliable], now_open[unknown], now_open[careless]]


def test_the_report_form_offers_members_only_the_member_reasons(client):
    _group, reporter, _author, _thread, reply = _post()
    client.force_login(reporter)
    page = client.get(reverse("moderation:report", args=["reply", reply.pk])).content.decode()
    for label in (
        "Someone may be at risk",
        "Harassment or abuse",
        "Shares identifying information",
        "Spam",
        "Something else",
    ):
        assert label in page
    assert "automatic" not in page
    assert 'value="watched"' not in page
    assert 'value="contact"' not in page
    assert 'name="text"' in page


@pytest.mark.parametrize("reason", ["watched", "contact"])
def test_a_member_cannot_send_an_automatic_reason(client, reason):
    _group, reporter, _author, _thread, reply = _post()
    client.force_login(reporter)
    response = client.post(
        reverse("moderation:report", args=["reply", reply.pk]), {"reason": reason, "text": "x"}
    )
    assert response.status_code == 400
    assert response.context["form"].errors["reason"]
    assert not Report.objects.exists()
    with pytest.raises(ModerationError):
        report_create(reporter=reporter, content=reply, reason=reason)
    assert not Report.objects.exists()


def test_the_reported_member_never_learns_who_reported_them_on_notices_or_in_their_export(
    client,
):
    import io
    import json
    import zipfile

    from moderation.services import content_hide, report_decide
    from supportnet.accounts.models import DataExport
    from supportnet.accounts.tasks import build_export

    group = make_group()
    author = make_member(group)
    first = make_member(group, UserFactory(pseudonym="quiet_heron"))
    second = make_member(group, UserFactory(pseudonym="night_owl_7"))
    thread = thread_create(group=group, author=group.created_by, title="T", body="B")
    reply = reply_create(thread=thread, author=author, body="a reply")
    moderator = UserFactory()
    moderator_appoint(user=moderator, on_duty=True)
    harassment = report_create(
        reporter=first, content=reply, reason="harassment", text="they were unkind to me"
    )
    report_create(reporter=second, content=reply, reason="at_risk", text="worried for them")
    report_decide(report=harassment, moderator=moderator, uphold=True)
    content_hide(post=reply, moderator=moderator, reason="Unkind to another member.")

    client.force_login(author)
    page = client.get(reverse("moderation:notices")).content.decode()
    assert "Unkind to another member." in page  # the notice is there …
    for secret in ("quiet_heron", "night_owl_7", "they were unkind to me", "worried for them"):
        assert secret not in page  # … but not who reported, nor what they wrote

    client.post(reverse("account_privacy"), {"action": "export"})
    export = DataExport.objects.get()
    build_export.call(export.pk)
    response = client.get(reverse("account_export_download", args=[export.pk]))
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    data = json.loads(archive.read("data.json"))
    assert data["moderation_notices"][0]["message"] == "Unkind to another member."
    assert data["reports_made"] == []
    everything = json.dumps(data) + archive.read("data.html").decode()
    for secret in ("quiet_heron", "night_owl_7", "they were unkind to me", "worried for them"):
        assert secret not in everything
