"""Moderation writes. `content_screen` runs inside every posting transaction, so a crisis post,
its case, its alerts and its escalation timer are committed together or not at all."""

import re
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from functools import lru_cache
from typing import Any

from allauth.mfa.models import Authenticator
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone

from moderation import events
from moderation.crisis import assess
from moderation.models import (
    Alert,
    Case,
    CaseItem,
    Claim,
    MemberNote,
    ModeratorProfile,
    Notice,
    Report,
    Sanction,
    WatchedWord,
)
from supportnet.core import audit
from supportnet.core.text import clean_text, plain_text


class ModerationError(Exception):
    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class Screening:
    """What screening found in one piece of content, and what the posting service must do."""

    level: str = "none"
    reasons: list[str] = field(default_factory=list)
    hold: bool = False  # keep the content out of sight until a moderator reviews it
    block_message: str = ""  # refuse the content with this message
    case: Case | None = None

    @property
    def flagged(self) -> bool:
        return self.level != "none" or self.hold


def _screen_text(content: Any) -> str:
    title = getattr(content, "title", "")
    body = plain_text(content.body)
    return f"{title}\n\n{body}" if title else body


def content_screen(*, content: Any) -> Screening:
    """Screen a saved-but-uncommitted thread, reply or live message.

    Must be called inside the posting transaction. A crisis or concern assessment opens a case
    for the poster (or joins their open one), writes alerts for the moderators on duty and
    schedules the escalation timers, all in that transaction.
    """
    text = _screen_text(content)
    words = watched_words_check(text=text)
    assessment = assess(text)
    if words.block_message and assessment.level == "none":
        return Screening(block_message=words.block_message)
    # Someone who may be at risk is never turned away by a blocked word: their post is kept out
    # of sight for a moderator instead, and its case and alerts are opened as for any other.
    hold = words.hold or bool(words.block_message)
    for reason, detail in words.flags:
        _system_flag(content=content, reason=reason, detail=detail)
    if assessment.level == "none":
        return Screening(hold=hold)
    case = case_open_or_join(
        subject=content.author,
        level=assessment.level,
        reasons=list(assessment.reasons),
        content=content,
    )
    return Screening(level=assessment.level, reasons=list(assessment.reasons), case=case, hold=hold)


# --- watched words and contact details ----------------------------------------------------------

# Sharing or asking for contact details moves people off the moderated site, where grooming
# and pressure happen: such posts are flagged for a moderator (not refused).
_CONTACT = re.compile(
    r"(?:\+?\d[\d\s().-]{7,}\d)"  # phone numbers
    r"|\b[\w.+-]+@[\w-]+\.[\w.]{2,}\b"  # email addresses
    r"|(?:^|\s)@[a-z0-9_.]{3,}"  # social handles
    r"|\b(?:add|message|dm|text|call|find|follow) me on\b"
    r"|\b(?:whatsapp|snapchat|snap|telegram|instagram|insta|signal|kik|discord|tiktok)\b"
    r"|\bmy (?:number|address|postcode|zip code) is\b"
    r"|\bwhat(?:'s| is) your (?:number|address|postcode|snap|insta|whatsapp)\b",
    re.IGNORECASE,
)


BLOCKED_DEFAULT = "Your post includes something this community doesn't allow. Please change it."


@dataclass(frozen=True)
class WordsFound:
    flags: list[tuple[str, str]] = field(default_factory=list)
    hold: bool = False
    block_message: str = ""


def watched_words_check(*, text: str) -> WordsFound:
    """Match the instance's watched words (on normalised text, whole words) and contact
    details. One query for the word list."""
    from moderation.crisis import normalise_both

    normalised, unsqueezed = normalise_both(text)
    flags: list[tuple[str, str]] = []
    hold = False
    block_message = ""
    for word in WatchedWord.objects.all():
        patterns = _phrase_patterns(word.phrase)
        if patterns is None or not (
            patterns[0].search(normalised) or patterns[1].search(unsqueezed)
        ):
            continue
        if word.action == WatchedWord.Action.BLOCK:
            block_message = block_message or word.message or BLOCKED_DEFAULT
        elif word.action == WatchedWord.Action.HOLD:
            hold = True
        flags.append((Report.Reason.WATCHED, f"watched word: {word.phrase}"))
    if _CONTACT.search(text):
        flags.append((Report.Reason.CONTACT, "contact details"))
    return WordsFound(flags=flags, hold=hold, block_message=block_message)


@lru_cache(maxsize=1024)
def _phrase_patterns(phrase: str) -> tuple[re.Pattern[str], re.Pattern[str]] | None:
    """A watched phrase's two whole-word patterns (on squeezed and on unsqueezed normalised
    text), built once per phrase rather than on every post; None for a phrase that normalises
    to nothing."""
    from moderation.crisis import normalise

    squeezed = normalise(phrase).strip()
    if not squeezed:
        return None
    exact = re.compile(rf"(?<!\w){re.escape(squeezed)}(?!\w)")
    return exact, re.compile(_stretchable(phrase))


def _stretchable(phrase: str) -> str:
    """A whole-word pattern for `phrase` in which each letter may be repeated ("meet" matches
    "meeeeet", not "met"): normalising squeezes long runs, which can turn "meeeeet" into "met"."""
    from moderation.crisis import normalise

    runs = re.finditer(r"(.)\1*", normalise(phrase, squeeze=False).strip())
    parts = [
        f"{re.escape(run.group(1))}{{{len(run.group(0))},}}"
        if run.group(1).isalpha()
        else re.escape(run.group(0))
        for run in runs
    ]
    return rf"(?<!\w){''.join(parts)}(?!\w)" if parts else r"(?!x)x"


def _system_flag(*, content: Any, reason: str, detail: str) -> None:

    Report.objects.get_or_create(
        reporter=None,
        content_type=ContentType.objects.get_for_model(content),
        object_id=content.pk,
        reason=reason,
        defaults={"text": detail[:500], "group_id": group_id_of(content)},
    )


@transaction.atomic
def watched_word_add(*, phrase: str, action: str, message: str = "", by: Any) -> Any:

    phrase = clean_text(phrase).strip()
    if not 2 <= len(phrase) <= 100:
        raise ModerationError("A watched word is 2 to 100 characters long.")
    if action not in WatchedWord.Action.values:
        raise ModerationError("Choose what should happen.")
    word, _ = WatchedWord.objects.update_or_create(
        phrase=phrase,
        defaults={"action": action, "message": clean_text(message).strip()[:300], "created_by": by},
    )
    audit.log(by, "watched_word.saved", target=word, data={"action": action})
    return word


@transaction.atomic
def watched_word_remove(*, word: Any, by: Any) -> None:
    audit.log(by, "watched_word.removed", data={"phrase_id": word.pk})
    word.delete()


# --- cases ------------------------------------------------------------------------------------


def _escalation_delays(level: str) -> list[int]:
    """Seconds after opening at which an unacknowledged case escalates, one per step."""
    from supportnet.core.instance import current

    return list(current().escalation_seconds.get(level, []))


def _schedule_escalations(case: Case) -> None:
    from moderation.tasks import escalate_case

    for step, delay in enumerate(_escalation_delays(case.level), start=1):
        run_after = case.opened_at + timedelta(seconds=delay)
        escalate_case.using(run_after=run_after).enqueue(case.pk, step, case.opened_at.isoformat())


# No savepoint: inside a posting transaction nothing catches a failure here and goes on, so a
# savepoint would only add two round trips before the commit that releases the alert.
@transaction.atomic(savepoint=False)
def case_open_or_join(*, subject: Any, level: str, reasons: list[str], content: Any) -> Case:
    """Open a case for `subject`, or add `content` to their open case (raising its level)."""
    now = timezone.now()
    case = (
        Case.objects.select_for_update()
        .filter(subject=subject, state__in=Case.ACTIVE_STATES)
        .order_by("opened_at", "id")
        .first()
        if subject is not None
        else None
    )
    if case is None:
        case = Case.objects.create(subject=subject, level=level, reasons=reasons, opened_at=now)
        audit.log(None, "case.opened", target=case, data={"level": level, "reasons": reasons})
        _alert_on_duty(case, step=0, new_case=True)
        _schedule_escalations(case)
    elif Case.PRIORITY[level] < Case.PRIORITY[case.level]:  # e.g. concern → crisis
        case.level = level
        case.reasons = sorted({*case.reasons, *reasons})
        case.save(update_fields=["level", "reasons"])
        audit.log(None, "case.raised", target=case, data={"level": level, "reasons": reasons})
        _case_restart(case)  # the crisis clock starts now
    elif level == Case.Level.CRISIS and case.state == Case.State.ACKNOWLEDGED:
        # A moderator has the case, but a new crisis post ("I've taken them") must not wait for
        # them to notice: it is alerted and escalates again like a new case.
        case.reasons = sorted({*case.reasons, *reasons})
        case.save(update_fields=["reasons"])
        audit.log(None, "case.reopened", target=case, data={"reason": "crisis post"})
        _case_restart(case)
    CaseItem.objects.create(
        case=case,
        content_type=ContentType.objects.get_for_model(content),
        object_id=content.pk,
        level=level,
        reasons=reasons,
        group_id=group_id_of(content),
    )
    return case


def _case_restart(case: Case) -> None:
    """Start a case's clock again (raised to crisis, or reopened after it was taken): it is
    open and unacknowledged, whoever had claimed or taken it no longer holds it, the moderators
    on duty and whoever had taken it are alerted anew, and escalation runs from now (the
    earlier clock's timers find it changed and do nothing)."""
    taken_by = case.acknowledged_by
    case.state = Case.State.OPEN
    case.opened_at = timezone.now()
    case.escalation_step = 0
    case.acknowledged_at = case.acknowledged_by = None
    fields = ["state", "opened_at", "escalation_step", "acknowledged_at", "acknowledged_by"]
    case.save(update_fields=fields)
    Claim.objects.filter(
        content_type=ContentType.objects.get_for_model(Case), object_id=case.pk
    ).delete()
    _alert_on_duty(case, step=0, raise_again=True, also=taken_by)
    _schedule_escalations(case)


def group_id_of(content: Any) -> int | None:
    """The group a thread, reply or live message belongs to (no query)."""
    if hasattr(content, "thread_id") and hasattr(content, "thread"):
        return int(content.thread.group_id)
    group_id = getattr(content, "group_id", None)
    return int(group_id) if group_id is not None else None


def _moderators(*, with_mfa: bool = True) -> Any:
    """Active site moderators (and staff, who may moderate too: the same rule as the pages');
    by default only those with two-step verification, the only ones who can open an alert's
    case."""
    people = get_user_model().objects.filter(
        Q(is_moderator=True) | Q(is_staff=True), is_active=True
    )
    if with_mfa:
        people = people.filter(Exists(Authenticator.objects.filter(user_id=OuterRef("pk"))))
    return people


def can_take_alerts(user: Any) -> bool:
    return bool(user is not None and _moderators().filter(pk=user.pk).exists())


def _recipients_for_step(step: int) -> tuple[list[Any], int]:
    """Who hears of a case at `step`, and the step they are told of (0 becomes 1 when nobody
    who can open the case is on duty: the second on-call hears at once)."""
    if step == 0:
        on_duty = list(_moderators().filter(moderator_profile__on_duty=True))
        if on_duty:
            return on_duty, 0
        step = 1
    role = ModeratorProfile.RotaRole.SECOND if step == 1 else ModeratorProfile.RotaRole.LEAD
    people = list(_moderators().filter(moderator_profile__rota_role=role))
    # With no rota, every moderator is told; if none has two-step verification yet, every
    # moderator is still emailed (the link asks them to set it up): an alert always reaches
    # someone.
    return people or list(_moderators()) or list(_moderators(with_mfa=False)), step


def _alert_on_duty(
    case: Case,
    *,
    step: int,
    new_case: bool = False,
    raise_again: bool = False,
    also: Any = None,
) -> list[Alert]:
    """Write the alerts for `case` at `step` (one bulk insert) and push them after commit.

    An alert already written for the same case, moderator, step and level is reused, not
    doubled (reach-out requests and retried escalations come back here); a case opened in this
    transaction has none, so that look-up is skipped on the posting path. With `raise_again`,
    a reused alert its moderator had acknowledged is raised again (unacknowledged, undelivered,
    a new `raised_at`), so their dashboard shows it anew. `also` is a moderator told too
    (whoever had taken a reopened case), if they can still open it."""
    recipients, told_step = _recipients_for_step(step)
    if also is not None and all(r.pk != also.pk for r in recipients) and can_take_alerts(also):
        recipients.append(also)
    existing: dict[int, Alert] = {}
    if not new_case:
        existing = {
            a.recipient_id: a
            for a in Alert.objects.filter(
                case=case, step=step, level=case.level, recipient__in=recipients
            )
        }
    missing = [
        Alert(case=case, recipient=r, step=step, level=case.level)
        for r in recipients
        if r.pk not in existing
    ]
    Alert.objects.bulk_create(missing)
    if raise_again:
        settled = [a for a in existing.values() if a.acknowledged_at is not None]
        now = timezone.now()
        for alert in settled:
            alert.acknowledged_at = alert.delivered_at = alert.emailed_at = None
            alert.raised_at = now
        Alert.objects.bulk_update(
            settled, ["acknowledged_at", "delivered_at", "emailed_at", "raised_at"]
        )
    alerts = [*existing.values(), *missing]
    for alert in alerts:
        alert.case = case  # the push is built from it, with no query
    if step > 0 or told_step > 0:  # escalations, and alerts when nobody is on duty, are emailed
        _email_alerts(alerts)
    events.alerts_created_on_commit(alerts)
    return alerts


def _email_alerts(alerts: list[Alert]) -> None:
    from moderation.tasks import send_alert_email

    for alert in alerts:
        send_alert_email.enqueue(alert.pk)


@transaction.atomic
def case_escalate(*, case_id: int, step: int, clock: str = "") -> bool:
    """Escalate an unacknowledged case to `step`. Idempotent: a step happens once per clock.
    `clock` is the case's opening time the timer was set from: a timer of an earlier clock
    (the case was raised or reopened since) does nothing, so a restarted clock is not cut
    short. (Timers queued without one always run.)"""
    case = Case.objects.select_for_update().filter(pk=case_id).first()
    if case is None or case.state not in Case.UNACKNOWLEDGED_STATES:
        return False
    if clock and datetime.fromisoformat(clock) != case.opened_at:
        return False
    if case.escalation_step >= step or step > len(_escalation_delays(case.level)):
        return False
    case.escalation_step = step
    case.state = Case.State.ESCALATED
    case.save(update_fields=["escalation_step", "state"])
    audit.log(None, "case.escalated", target=case, data={"step": step})
    # raise_again: after a restart, this step's alerts of the earlier clock were settled.
    _alert_on_duty(case, step=step, raise_again=True)
    return True


@transaction.atomic
def case_acknowledge(*, case: Case, moderator: Any) -> Case:
    """A moderator takes the case: escalation stops, everyone's alerts for it are settled."""
    case = Case.objects.select_for_update().get(pk=case.pk)
    if case.state not in Case.UNACKNOWLEDGED_STATES:
        return case
    now = timezone.now()
    case.state = Case.State.ACKNOWLEDGED
    case.acknowledged_at = now
    case.acknowledged_by = moderator
    case.save(update_fields=["state", "acknowledged_at", "acknowledged_by"])
    Alert.objects.filter(case=case, acknowledged_at__isnull=True).update(acknowledged_at=now)
    audit.log(moderator, "case.acknowledged", target=case)
    events.case_acknowledged_on_commit(case)
    return case


OUTCOME_MAX = 500


@transaction.atomic
def case_close(*, case: Case, moderator: Any, false_alarm: bool, outcome: str) -> Case:
    """Resolve a case, or close it as a false alarm, with an outcome (what was done), which
    later moderators read in the member's history."""
    # Cleaned like all written text: PostgreSQL refuses a NUL byte (that was a 500).
    cleaned = clean_text(outcome).strip()
    if not cleaned:
        raise ModerationError("Write the outcome (what was done) before closing the case.")
    if len(cleaned) > OUTCOME_MAX:
        raise ModerationError(f"Keep the outcome to {OUTCOME_MAX} characters or fewer.")
    case = Case.objects.select_for_update().get(pk=case.pk)
    if not case.is_active:
        raise ModerationError("This case is already closed.")
    now = timezone.now()
    if case.acknowledged_at is None:
        case.acknowledged_at, case.acknowledged_by = now, moderator
    case.state = Case.State.FALSE_ALARM if false_alarm else Case.State.RESOLVED
    case.closed_at = now
    case.outcome = cleaned
    case.save(update_fields=["state", "closed_at", "outcome", "acknowledged_at", "acknowledged_by"])
    Alert.objects.filter(case=case, acknowledged_at__isnull=True).update(acknowledged_at=now)
    audit.log(moderator, f"case.{case.state}", target=case, data={"outcome": case.outcome})
    events.case_acknowledged_on_commit(case)
    return case


def case_viewed(*, case: Case, moderator: Any) -> None:
    """Every look at a case is in the audit log."""
    audit.log(moderator, "case.viewed", target=case)


# --- moderators -------------------------------------------------------------------------------


@transaction.atomic
def moderator_appoint(*, user: Any, on_duty: bool = False, rota_role: str = "") -> ModeratorProfile:
    """Make a member a site moderator (they still need MFA to open moderator pages)."""
    user.is_moderator = True
    user.save(update_fields=["is_moderator"])
    profile, _ = ModeratorProfile.objects.get_or_create(user=user)
    profile.on_duty = on_duty
    profile.on_duty_since = timezone.now() if on_duty else None
    profile.rota_role = rota_role
    profile.save(update_fields=["on_duty", "on_duty_since", "rota_role"])
    audit.log(None, "moderator.appointed", target=user, data={"rota_role": rota_role})
    return profile


@transaction.atomic
def moderator_rota_set(*, user: Any, rota_role: str, by: Any) -> ModeratorProfile:
    """Give a moderator their place in the escalation rota (from the administration)."""
    if rota_role not in ModeratorProfile.RotaRole.values:
        raise ModerationError("Choose a place in the rota from the list.")
    profile, _ = ModeratorProfile.objects.select_for_update().get_or_create(user=user)
    was = profile.rota_role
    if was != rota_role:
        profile.rota_role = rota_role
        profile.save(update_fields=["rota_role"])
        audit.log(
            by, "moderator.rota_changed", target=user, data={"rota_role": rota_role, "was": was}
        )
    return profile


@transaction.atomic
def moderator_set_duty(*, user: Any, on_duty: bool) -> ModeratorProfile:
    profile, _ = ModeratorProfile.objects.get_or_create(user=user)
    profile.on_duty = on_duty
    profile.on_duty_since = timezone.now() if on_duty else None
    profile.save(update_fields=["on_duty", "on_duty_since"])
    audit.log(user, "moderator.on_duty" if on_duty else "moderator.off_duty", target=user)
    return profile


def moderator_duty_check(*, user_id: int) -> None:
    """Take off duty a moderator who can no longer open cases (role taken away, account
    deactivated, two-step verification removed): alerts then go to the second on-call at once
    instead of to someone who cannot answer them, and the dashboard no longer says they are on
    duty. They mark themselves on duty again once they can."""
    stood_down = (
        ModeratorProfile.objects.filter(user_id=user_id, on_duty=True)
        .exclude(user_id__in=_moderators().values("pk"))
        .update(on_duty=False, on_duty_since=None)
    )
    user = get_user_model().objects.filter(pk=user_id).first() if stood_down else None
    if user is not None:
        audit.log(None, "moderator.off_duty", target=user, data={"why": "can no longer moderate"})


def alerts_mark_delivered(*, alert_ids: list[int]) -> None:
    Alert.objects.filter(pk__in=alert_ids, delivered_at__isnull=True).update(
        delivered_at=timezone.now()
    )


# --- member reports ---------------------------------------------------------------------------

REPORTS_PER_HOUR = 10


@transaction.atomic
def report_create(*, reporter: Any, content: Any, reason: str, text: str = "") -> Any:
    """A member reports a post. "Someone may be at risk" opens (or joins) a case at once.

    One report per member and post; repeating it changes nothing. Rate limited.
    """
    from supportnet.core import ratelimit

    if reason not in Report.MEMBER_REASONS:  # the automatic reasons are screening's own
        raise ModerationError("Choose a reason from the list.")
    text = clean_text(text).strip()
    if len(text) > 500:
        raise ModerationError("Please keep the note under 500 characters.")
    content_type = ContentType.objects.get_for_model(content)
    existing = Report.objects.filter(
        reporter=reporter, content_type=content_type, object_id=content.pk
    ).first()
    if existing is not None:
        return existing
    ratelimit.check(
        "moderation.report",
        str(reporter.pk),
        limit=REPORTS_PER_HOUR,
        period=3600,
        message="You have sent many reports. Moderators will look at them; please wait a while.",
    )
    report = Report.objects.create(
        reporter=reporter,
        content_type=content_type,
        object_id=content.pk,
        reason=reason,
        text=text,
        group_id=group_id_of(content),
    )
    if reason == Report.Reason.AT_RISK:
        report.case = case_open_or_join(
            subject=content.author,
            level=Case.Level.REPORT,
            reasons=["reported: may be at risk"],
            content=content,
        )
        report.save(update_fields=["case"])
    audit.log(reporter, "report.created", target=report, data={"reason": reason})
    return report


@transaction.atomic
def report_decide(*, report: Any, moderator: Any, uphold: bool) -> Any:

    report = Report.objects.select_for_update().get(pk=report.pk)
    if report.state != Report.State.OPEN:
        raise ModerationError("This report has already been decided.")
    report.state = Report.State.UPHELD if uphold else Report.State.DISMISSED
    report.decided_at = timezone.now()
    report.decided_by = moderator
    report.save(update_fields=["state", "decided_at", "decided_by"])
    audit.log(moderator, f"report.{report.state}", target=report)
    return report


@transaction.atomic
def reach_out_request(*, member: Any) -> Case:
    """The member asks for a moderator to reach out: their case (or a new one) alerts the
    moderators on duty now, whatever its level. Asking again about a case still open is
    limited (three times an hour: moderators already know); a member with no open case is
    never turned away — their earlier case may have been closed a minute ago."""
    from supportnet.core import ratelimit

    case = (
        Case.objects.select_for_update()
        .filter(subject=member, state__in=Case.ACTIVE_STATES)
        .order_by("opened_at", "id")
        .first()
    )
    if case is not None:
        ratelimit.check(
            "moderation.reach_out",
            f"{member.pk}:{case.pk}",  # asks about an earlier case never hold up a new one
            limit=3,
            period=3600,
            message="A moderator already knows you asked. They will be in touch.",
        )
    reason = "asked for a moderator to reach out"
    if case is None:
        case = Case.objects.create(subject=member, level=Case.Level.CONCERN, reasons=[reason])
        audit.log(member, "case.opened", target=case, data={"level": case.level})
        _schedule_escalations(case)
    elif reason not in case.reasons:
        case.reasons = [*case.reasons, reason]
        case.save(update_fields=["reasons"])
    audit.log(member, "case.reach_out_requested", target=case)
    if case.state == Case.State.ACKNOWLEDGED:
        audit.log(None, "case.reopened", target=case, data={"reason": "asked for a moderator"})
        _case_restart(case)
    else:
        # Everyone on duty hears of it now, even if they had settled this case's alerts before.
        _alert_on_duty(case, step=0, raise_again=True)
    return case


# --- claims: who is working on a queue item -----------------------------------------------------

CLAIM_MINUTES = 30


@transaction.atomic
def claim_take(*, item: Any, moderator: Any, force: bool = False) -> Any:
    """Claim a case, report, held post or appeal so two moderators don't work the same item.
    Renews the moderator's own claim; takes over a claim left alone for `CLAIM_MINUTES`, or
    any claim with `force` (acknowledging a crisis is never held up by a claim)."""

    content_type = ContentType.objects.get_for_model(item)
    claim = (
        Claim.objects.select_for_update()
        .filter(content_type=content_type, object_id=item.pk)
        .select_related("moderator")
        .first()
    )
    now = timezone.now()
    if claim is None:
        claim = Claim.objects.create(
            content_type=content_type, object_id=item.pk, moderator=moderator, claimed_at=now
        )
    else:
        fresh = claim.claimed_at > now - timedelta(minutes=CLAIM_MINUTES)
        if fresh and claim.moderator_id != moderator.pk and not force:
            raise ModerationError(f"{claim.moderator.pseudonym} is already working on this.")
        claim.moderator, claim.claimed_at = moderator, now
        claim.save(update_fields=["moderator", "claimed_at"])
    audit.log(moderator, "claim.taken", target=item)
    return claim


@transaction.atomic
def claim_release(*, item: Any, moderator: Any) -> None:

    deleted, _ = Claim.objects.filter(
        content_type=ContentType.objects.get_for_model(item),
        object_id=item.pk,
        moderator=moderator,
    ).delete()
    if deleted:
        audit.log(moderator, "claim.released", target=item)


# --- notes, messages and sanctions --------------------------------------------------------------

NOTE_MAX = 2000
SILENCE_HOURS = (1, 6, 24, 72, 168)
SUSPENSION_DAYS = (1, 7, 30, 0)  # 0: until lifted


def _clean_words(text: str, *, field_name: str, limit: int, required: bool = True) -> str:
    from django.core.exceptions import ValidationError

    text = clean_text(text).strip()
    if required and not text:
        raise ValidationError({field_name: "Please write something here."})
    if len(text) > limit:
        raise ValidationError({field_name: f"Please keep this under {limit:,} characters."})
    return text


@transaction.atomic
def member_note_add(*, subject: Any, author: Any, text: str) -> Any:
    """A private note for moderators about a member. Never shown to the member."""

    note = MemberNote.objects.create(
        subject=subject,
        author=author,
        text=_clean_words(text, field_name="text", limit=NOTE_MAX),
    )
    audit.log(author, "member_note.added", target=subject)
    return note


def _notice(
    *,
    member: Any,
    kind: str,
    by: Any,
    message: str = "",
    content: Any = None,
    sanction: Any = None,
) -> Any:

    return Notice.objects.create(
        member=member,
        kind=kind,
        message=message,
        content_type=ContentType.objects.get_for_model(content) if content is not None else None,
        object_id=content.pk if content is not None else None,
        sanction=sanction,
        created_by=by,
    )


@transaction.atomic
def member_message(*, member: Any, moderator: Any, text: str) -> Any:
    """A supportive message from the moderators, shown in the member's notices."""

    text = _clean_words(text, field_name="text", limit=NOTE_MAX)
    notice = _notice(member=member, kind=Notice.Kind.MESSAGE, by=moderator, message=text)
    audit.log(moderator, "member.messaged", target=member)
    return notice


@transaction.atomic
def content_hide(*, post: Any, moderator: Any, reason: str) -> Any:
    """Hide a post and tell its author why (they may appeal once)."""
    from groups.services import GroupError, post_hide

    reason = _clean_words(reason, field_name="reason", limit=500)
    try:
        post = post_hide(post=post, by=moderator)
    except GroupError as error:
        raise ModerationError(error.message) from error
    if post.author_id is not None:
        _notice(
            member=post.author,
            kind=Notice.Kind.POST_HIDDEN,
            by=moderator,
            message=reason,
            content=post,
        )
    return post


@transaction.atomic
def held_post_review(*, post: Any, moderator: Any, approve: bool, reason: str = "") -> Any:
    """Approve a post held for review, or hide it like any other post: with a reason its
    author sees in their notices and may appeal once."""
    from groups.models import PostState
    from groups.services import GroupError, post_review

    if not approve:
        reason = _clean_words(reason, field_name="reason", limit=500)
    post = type(post).objects.select_for_update().get(pk=post.pk)
    if post.state != PostState.PENDING:
        raise ModerationError("This post has already been reviewed.")
    if not approve:
        return content_hide(post=post, moderator=moderator, reason=reason)
    try:
        return post_review(post=post, by=moderator, approve=True)
    except GroupError as error:
        raise ModerationError(error.message) from error


@transaction.atomic
def content_edit(*, post: Any, moderator: Any, body: str, note: str) -> Any:
    """Edit a post (keeping the earlier version); the note shows with the post, and the author
    is told."""
    from groups.services import GroupError, post_moderator_edit

    try:
        post = post_moderator_edit(post=post, by=moderator, body=body, note=note)
    except GroupError as error:
        raise ModerationError(error.message) from error
    if post.author_id is not None:
        _notice(
            member=post.author,
            kind=Notice.Kind.POST_EDITED,
            by=moderator,
            message=post.moderator_note,
            content=post,
        )
    return post


@transaction.atomic
def member_sanction(
    *,
    member: Any,
    moderator: Any,
    kind: str,
    reason: str,
    hours: int | None = None,
    group: Any = None,
) -> Any:
    """Warn, pause posting (silence) for `hours`, suspend for `hours` (None: until lifted), or
    remove from `group`. The member gets a notice they can appeal once."""

    if kind not in Sanction.Kind.values:
        raise ModerationError("Choose an action from the list.")
    if member.pk == moderator.pk:
        raise ModerationError("You can't take this action on your own account.")
    reason = _clean_words(reason, field_name="reason", limit=500)
    now = timezone.now()
    ends_at = None
    if kind == Sanction.Kind.SILENCE:
        if hours is None or hours not in SILENCE_HOURS:
            raise ModerationError("Choose how long posting is paused.")
        ends_at = now + timedelta(hours=hours)
    elif kind == Sanction.Kind.SUSPENSION:
        if hours is not None and hours not in [d * 24 for d in SUSPENSION_DAYS if d]:
            raise ModerationError("Choose how long the suspension lasts.")
        ends_at = now + timedelta(hours=hours) if hours else None
    elif kind == Sanction.Kind.GROUP_REMOVAL:
        from groups.models import Membership
        from groups.services import membership_set_status

        membership = Membership.objects.filter(group=group, user=member).first() if group else None
        if membership is None or membership.status != Membership.Status.ACTIVE:
            raise ModerationError("This member is not an active member of that group.")
        membership_set_status(membership=membership, by=moderator, status=Membership.Status.REMOVED)
    sanction = Sanction.objects.create(
        member=member,
        kind=kind,
        group=group if kind == Sanction.Kind.GROUP_REMOVAL else None,
        reason=reason,
        starts_at=now,
        ends_at=ends_at,
        created_by=moderator,
    )
    _notice(member=member, kind=kind, by=moderator, message=reason, sanction=sanction)
    audit.log(moderator, f"sanction.{kind}", target=member, data={"sanction": sanction.pk})
    if kind == Sanction.Kind.SUSPENSION:
        from groups import events as group_events

        group_events.member_suspended_on_commit(member)
    member.__dict__.pop("_restriction_cache", None)
    return sanction


@transaction.atomic
def sanction_lift(*, sanction: Any, moderator: Any) -> Any:

    sanction = Sanction.objects.select_for_update().get(pk=sanction.pk)
    if sanction.lifted_at is not None:
        return sanction
    sanction.lifted_at, sanction.lifted_by = timezone.now(), moderator
    sanction.save(update_fields=["lifted_at", "lifted_by"])
    if sanction.kind == Sanction.Kind.GROUP_REMOVAL and sanction.group_id:
        from groups.models import Membership
        from groups.services import membership_set_status

        removed = Membership.objects.filter(
            group_id=sanction.group_id, user=sanction.member_id, status=Membership.Status.REMOVED
        ).first()
        if removed is not None:
            membership_set_status(membership=removed, by=moderator, status=Membership.Status.ACTIVE)
    audit.log(moderator, "sanction.lifted", target=sanction.member, data={"sanction": sanction.pk})
    return sanction


# --- notices and appeals ------------------------------------------------------------------------


@transaction.atomic
def notices_mark_read(*, member: Any) -> int:

    return Notice.objects.filter(member=member, read_at__isnull=True).update(read_at=timezone.now())


@transaction.atomic
def appeal_submit(*, notice: Any, member: Any, text: str) -> Any:
    """The member appeals a moderator's action once; the appeal joins the review queue."""

    notice = Notice.objects.select_for_update().get(pk=notice.pk)
    if notice.member_id != member.pk:
        raise ModerationError("You can only appeal actions on your own account.")
    if notice.kind == Notice.Kind.MESSAGE:
        raise ModerationError("There is nothing to appeal in a message.")
    if notice.appeal_state != Notice.Appeal.NONE:
        raise ModerationError("You have already appealed this. A decision is final.")
    notice.appeal_text = _clean_words(text, field_name="text", limit=NOTE_MAX)
    notice.appeal_state = Notice.Appeal.OPEN
    notice.appealed_at = timezone.now()
    notice.save(update_fields=["appeal_text", "appeal_state", "appealed_at"])
    audit.log(member, "appeal.submitted", target=notice)
    return notice


@transaction.atomic
def appeal_decide(*, notice: Any, moderator: Any, overturn: bool, outcome: str) -> Any:
    """Another moderator decides the appeal. Overturning lifts the sanction or shows the hidden
    post again; the member sees the outcome in their notices."""

    notice = Notice.objects.select_for_update().get(pk=notice.pk)
    if notice.appeal_state != Notice.Appeal.OPEN:
        raise ModerationError("This appeal has already been decided.")
    if notice.created_by_id == moderator.pk:
        raise ModerationError("Another moderator decides appeals against your own actions.")
    outcome = _clean_words(outcome, field_name="outcome", limit=500)
    if overturn:
        if notice.sanction_id:
            sanction_lift(sanction=notice.sanction, moderator=moderator)
        if notice.kind == Notice.Kind.POST_HIDDEN and notice.content is not None:
            from groups.services import post_restore

            post_restore(post=notice.content, by=moderator)
    notice.appeal_state = Notice.Appeal.OVERTURNED if overturn else Notice.Appeal.UPHELD
    notice.appeal_decided_at, notice.appeal_decided_by = timezone.now(), moderator
    notice.appeal_outcome = outcome
    notice.read_at = None  # the member sees the outcome as new
    notice.save(
        update_fields=[
            "appeal_state",
            "appeal_decided_at",
            "appeal_decided_by",
            "appeal_outcome",
            "read_at",
        ]
    )
    audit.log(moderator, f"appeal.{notice.appeal_state}", target=notice)
    return notice
