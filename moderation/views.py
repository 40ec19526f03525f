"""Moderator pages, behind `moderator_required` (moderator + MFA), and the member's side of
moderation (reports, notices, appeals, asking for a moderator)."""

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from moderation import selectors, services
from moderation.forms import (
    AppealDecisionForm,
    AppealForm,
    HideForm,
    MessageForm,
    ModeratorEditForm,
    NoteForm,
    QueueFilterForm,
    ReportForm,
    SanctionForm,
    WatchedWordForm,
)
from moderation.models import Case, ModeratorProfile, Notice, Report, Sanction, WatchedWord
from supportnet.accounts.permissions import moderator_required
from supportnet.core import audit
from supportnet.core.ids import parse_id


@moderator_required
@require_GET
def dashboard(request: HttpRequest) -> HttpResponse:
    """One review queue: crisis, concern, at-risk reports, other reports, held posts, appeals;
    filtered by group and kind. Each item shows who has claimed it."""
    profile = ModeratorProfile.objects.filter(user=request.user.pk).first()
    filters = QueueFilterForm(request.GET or None)
    group, kind = None, ""
    if filters.is_bound and filters.is_valid():
        group, kind = filters.cleaned_data["group"], filters.cleaned_data["kind"]
    me = request.user
    show = {k: not kind or kind == k for k in ("cases", "reports", "held", "appeals")}
    show["cases"] = not kind or kind in ("crisis", "concern", "report")
    cases = (
        list(selectors.case_queue(moderator=me, group=group, level=kind if show["cases"] else ""))
        if show["cases"]
        else []
    )
    reports = selectors.open_reports(moderator=me, group=group) if show["reports"] else []
    held = selectors.held_posts(moderator=me, group=group) if show["held"] else []
    appeals = selectors.open_appeals(moderator=me) if show["appeals"] and group is None else []
    selectors.attach_claims([*cases, *reports, *held, *appeals])
    context = {
        "cases": cases,
        "alerts": selectors.unacknowledged_alerts(moderator=me),
        "on_duty": bool(profile and profile.on_duty),
        "held_posts": held,
        "reports": reports,
        "appeals": appeals,
        "filters": filters,
        "filtered": bool(group or kind),
    }
    status = 400 if filters.is_bound and filters.errors else 200
    return render(request, "moderation/dashboard.html", context, status=status)


_CLAIMABLE = {"case", "report", "thread", "reply", "live", "appeal"}


def _queue_item(kind: str, item_id: int) -> Any:
    """A claimable queue item by kind and id, or 404."""
    from groups.models import LiveMessage, Reply, Thread

    models: dict[str, Any] = {
        "case": Case,
        "report": Report,
        "thread": Thread,
        "reply": Reply,
        "live": LiveMessage,
        "appeal": Notice,
    }
    if kind not in models:
        raise Http404
    return get_object_or_404(models[kind], pk=item_id)


@moderator_required
@require_POST
def claim(request: HttpRequest, kind: str, item_id: int) -> HttpResponse:
    item = _queue_item(kind, item_id)
    if request.POST.get("action") == "release":
        services.claim_release(item=item, moderator=request.user)
        messages.success(request, "Released: others can pick it up.")
    else:
        try:
            services.claim_take(item=item, moderator=request.user)
        except services.ModerationError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, "It's yours: others see that you are working on it.")
    return _back(request, default=reverse("moderation:dashboard"))


def _back(request: HttpRequest, *, default: str) -> HttpResponse:
    next_url = request.POST.get("next", "")
    # A path on this site only: redirect() would try to reverse anything else ("a", "x\x00").
    if not next_url.startswith("/") or not url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        next_url = default
    return redirect(next_url)


@moderator_required
@require_POST
def duty(request: HttpRequest) -> HttpResponse:
    on_duty = request.POST.get("on_duty") == "1"
    services.moderator_set_duty(user=request.user, on_duty=on_duty)
    messages.success(request, "You are on duty." if on_duty else "You are off duty.")
    return redirect("moderation:dashboard")


@moderator_required
@require_GET
def case_detail(request: HttpRequest, case_id: int) -> HttpResponse:
    """The case, the conversation around each item, and what moderators know of the member."""
    case = get_object_or_404(Case.objects.select_related("subject", "acknowledged_by"), pk=case_id)
    services.case_viewed(case=case, moderator=request.user)
    items = selectors.case_items(case=case)
    selectors.attach_claims([case])
    context = {"case": case, "items": items, **_member_page(case.subject, exclude_case=case)}
    return render(request, "moderation/case.html", context)


def _member_page(subject: Any, *, exclude_case: Any = None, **bound: Any) -> dict[str, Any]:
    """The member's context and the action forms (blank, or `bound` ones with errors)."""
    if subject is None:
        return {}
    context = selectors.member_context(subject=subject, exclude_case=exclude_case)
    return {
        **context,
        "note_form": bound.get("note_form") or NoteForm(),
        "message_form": bound.get("message_form") or MessageForm(),
        "sanction_form": bound.get("sanction_form")
        or SanctionForm(memberships=context["memberships"]),
    }


def _form_action(
    request: HttpRequest, form: Any, act: Callable[[dict[str, Any]], object], done: str
) -> HttpResponse | None:
    """Run a moderator's action from a valid form: on success say `done` and go back; a
    service's refusal shows on the form (the caller renders it again, with status 400)."""
    from django.core.exceptions import ValidationError

    if not form.is_valid():
        return None
    try:
        act(form.cleaned_data)
    except (services.ModerationError, ValidationError) as error:
        _form_error(form, error)
        return None
    messages.success(request, done)
    return _back(request, default=request.path)


@moderator_required
@require_POST
def case_action(request: HttpRequest, case_id: int) -> HttpResponse:
    case = get_object_or_404(Case, pk=case_id)
    action = request.POST.get("action", "")
    if action == "acknowledge":
        services.case_acknowledge(case=case, moderator=request.user)
        services.claim_take(item=case, moderator=request.user, force=True)
        messages.success(request, "You have taken this case. Escalation has stopped.")
    elif action in ("resolve", "false_alarm"):
        try:
            # One transaction: a refused close (already closed, outcome too long) leaves no claim.
            with transaction.atomic():
                services.claim_take(item=case, moderator=request.user)
                services.case_close(
                    case=case,
                    moderator=request.user,
                    false_alarm=action == "false_alarm",
                    outcome=request.POST.get("outcome", ""),
                )
        except services.ModerationError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, "The case is closed.")
    else:
        raise Http404
    return redirect("moderation:case", case_id=case.pk)


@moderator_required
@require_POST
def review_post(request: HttpRequest, kind: str, post_id: int) -> HttpResponse:
    """Approve or hide a post that waits for review. Hiding needs a reason: the author sees it
    in their notices and may appeal."""
    from django.core.exceptions import ValidationError

    from groups.selectors import find_post

    decision = request.POST.get("decision", "")
    found = find_post(kind=kind, post_id=post_id)
    if found is None or decision not in ("approve", "hide"):
        raise Http404
    post, _ = found
    try:
        services.held_post_review(
            post=post,
            moderator=request.user,
            approve=decision == "approve",
            reason=request.POST.get("reason", ""),
        )
    except ValidationError as error:  # no reason, or a reason too long
        messages.error(request, f"Why is it hidden? {' '.join(error.messages)}")
    except services.ModerationError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request,
            "Approved."
            if decision == "approve"
            else "Hidden. The author has a notice and may appeal.",
        )
    return redirect("moderation:dashboard")


@login_required
@require_http_methods(["GET", "POST"])
def report(request: HttpRequest, kind: str, post_id: int) -> HttpResponse:
    """Members report a post they can see. The reported member never learns who reported."""
    from groups.selectors import find_visible_post

    found = find_visible_post(kind=kind, post_id=post_id, viewer=request.user)
    if found is None:
        raise Http404
    post, thread = found
    form = ReportForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            services.report_create(
                reporter=request.user,
                content=post,
                reason=form.cleaned_data["reason"],
                text=form.cleaned_data["text"],
            )
        except services.ModerationError as error:
            form.add_error(None, error.message)
        else:
            messages.success(
                request,
                "Thank you. Moderators will look at this. Nobody else will know you reported it.",
            )
            return redirect(thread)
    status = 400 if request.method == "POST" else 200
    return render(request, "moderation/report.html", {"form": form, "post": post}, status=status)


@moderator_required
@require_POST
def report_decision(request: HttpRequest, report_id: int) -> HttpResponse:
    found = get_object_or_404(Report, pk=report_id)
    decision = request.POST.get("decision", "")
    if decision not in ("uphold", "dismiss"):
        raise Http404
    try:
        services.report_decide(report=found, moderator=request.user, uphold=decision == "uphold")
    except services.ModerationError as error:
        messages.error(request, error.message)
    return redirect("moderation:dashboard")


@moderator_required
@require_http_methods(["GET", "POST"])
def watched_words(request: HttpRequest) -> HttpResponse:
    form = WatchedWordForm()
    if request.method == "POST":
        remove = request.POST.get("remove", "")
        if remove:
            word_id = parse_id(remove)
            if word_id is None:
                raise Http404
            word = get_object_or_404(WatchedWord, pk=word_id)
            services.watched_word_remove(word=word, by=request.user)
            messages.success(request, "Removed.")
            return redirect("moderation:watched_words")
        form = WatchedWordForm(request.POST)
        if form.is_valid():
            try:
                services.watched_word_add(by=request.user, **form.cleaned_data)
            except services.ModerationError as error:
                form.add_error(None, error.message)
            else:
                messages.success(request, "Saved.")
                return redirect("moderation:watched_words")
    context = {"form": form, "words": WatchedWord.objects.all()}
    return render(
        request, "moderation/watched_words.html", context, status=400 if form.errors else 200
    )


@login_required
@require_POST
def reach_out(request: HttpRequest) -> HttpResponse:
    """From the help panel: "Ask a moderator to reach out to me"."""
    from supportnet.core.ratelimit import RateLimited

    try:
        services.reach_out_request(member=request.user)
    except RateLimited as limited:
        messages.info(request, limited.message)
    else:
        messages.success(
            request, "Thank you for telling us. A moderator will reach out to you here soon."
        )
    next_url = request.POST.get("next", "")
    if not next_url.startswith("/") or not url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}
    ):
        next_url = "/"
    return redirect(next_url)


def _form_error(form: Any, error: Exception) -> None:
    """Show a service's refusal on the form it came from (field errors on their fields)."""
    from django.core.exceptions import ValidationError

    if isinstance(error, ValidationError) and hasattr(error, "error_dict"):
        for field_name, errors in error.message_dict.items():
            form.add_error(field_name if field_name in form.fields else None, errors)
    elif isinstance(error, ValidationError):
        form.add_error(None, error.messages)
    else:
        form.add_error(None, getattr(error, "message", str(error)))


# --- a member, as moderators see them --------------------------------------------------------


def _member_or_404(user_id: int) -> Any:
    from django.contrib.auth import get_user_model

    return get_object_or_404(get_user_model(), pk=user_id, erased_at__isnull=True)


@moderator_required
@require_http_methods(["GET", "POST"])
def member(request: HttpRequest, user_id: int) -> HttpResponse:
    """A member's recent posts, cases, notes and sanctions; notes, messages and sanctions are
    added here. Every view is audited."""

    subject = _member_or_404(user_id)
    bound: dict[str, Any] = {}
    if request.method == "POST":
        action, me = request.POST.get("action", ""), request.user
        done: HttpResponse | None
        form: Any
        if action == "note":
            form = bound["note_form"] = NoteForm(request.POST)
            done = _form_action(
                request,
                form,
                lambda data: services.member_note_add(
                    subject=subject, author=me, text=data["text"]
                ),
                "Note saved.",
            )
        elif action == "message":
            form = bound["message_form"] = MessageForm(request.POST)
            done = _form_action(
                request,
                form,
                lambda data: services.member_message(
                    member=subject, moderator=me, text=data["text"]
                ),
                "Message sent. They see it in their notices.",
            )
        elif action == "sanction":
            memberships = selectors.member_context(subject=subject)["memberships"]
            groups = {m.group_id: m.group for m in memberships}
            form = bound["sanction_form"] = SanctionForm(request.POST, memberships=memberships)
            done = _form_action(
                request,
                form,
                lambda data: services.member_sanction(
                    member=subject,
                    moderator=me,
                    kind=data["kind"],
                    reason=data["reason"],
                    hours=data["hours"],
                    group=groups.get(data["group"]),
                ),
                "Done. The member has a notice and may appeal.",
            )
        elif action == "lift" and (sanction_id := parse_id(request.POST.get("sanction", ""))):
            found = get_object_or_404(Sanction, pk=sanction_id, member=subject)
            services.sanction_lift(sanction=found, moderator=me)
            messages.success(request, "Lifted.")
            return _back(request, default=request.path)
        else:
            raise Http404
        if done is not None:
            return done
    audit.log(request.user, "member.viewed", target=subject)
    status = 400 if request.method == "POST" else 200
    return render(request, "moderation/member.html", _member_page(subject, **bound), status=status)


# --- a post, as moderators see it ------------------------------------------------------------


@moderator_required
@require_http_methods(["GET", "POST"])
def post(request: HttpRequest, kind: str, post_id: int) -> HttpResponse:
    """Hide a post or edit it with a visible note; the author is told and may appeal."""

    from groups.selectors import find_post

    found = find_post(kind=kind, post_id=post_id)
    if found is None:
        raise Http404
    target, thread = found
    hide_form = HideForm()
    note = getattr(target, "moderator_note", "")  # live messages have none: they aren't edited
    edit_form = ModeratorEditForm(initial={"body": target.body, "note": note})
    if request.method == "POST":
        action, me = request.POST.get("action", ""), request.user
        if action == "hide":
            hide_form = HideForm(request.POST)
            done = _form_action(
                request,
                hide_form,
                lambda data: services.content_hide(
                    post=target, moderator=me, reason=data["reason"]
                ),
                "Hidden. The author has a notice and may appeal.",
            )
        elif action == "edit":
            edit_form = ModeratorEditForm(request.POST)
            done = _form_action(
                request,
                edit_form,
                lambda data: services.content_edit(
                    post=target, moderator=me, body=data["body"], note=data["note"]
                ),
                "Edited. The note shows with the post.",
            )
        else:
            raise Http404
        if done is not None:
            return done
    audit.log(request.user, "post.viewed", target=target)
    context = {
        "post": target,
        "thread": thread,
        "kind": kind,
        "around": selectors.thread_around(content=target),
        "hide_form": hide_form,
        "edit_form": edit_form,
    }
    status = 400 if request.method == "POST" else 200
    return render(request, "moderation/post.html", context, status=status)


# --- appeals and statistics --------------------------------------------------------------------


@moderator_required
@require_http_methods(["GET", "POST"])
def appeal(request: HttpRequest, notice_id: int) -> HttpResponse:
    from django.core.exceptions import ValidationError

    notice = get_object_or_404(
        Notice.objects.select_related("member", "created_by", "sanction"),
        pk=notice_id,
        appeal_state__in=[s for s in Notice.Appeal.values if s],
    )
    form = AppealDecisionForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            with transaction.atomic():  # a refused decision leaves no claim behind
                services.claim_take(item=notice, moderator=request.user)
                services.appeal_decide(
                    notice=notice,
                    moderator=request.user,
                    overturn=form.cleaned_data["decision"] == "overturn",
                    outcome=form.cleaned_data["outcome"],
                )
        except (services.ModerationError, ValidationError) as error:
            # ValidationError: an outcome of only invisible characters is empty once cleaned.
            _form_error(form, error)
        else:
            messages.success(request, "Decided. The member sees the outcome in their notices.")
            return redirect("moderation:dashboard")
    audit.log(request.user, "appeal.viewed", target=notice)
    status = 400 if request.method == "POST" else 200
    return render(
        request, "moderation/appeal.html", {"notice": notice, "form": form}, status=status
    )


@moderator_required
@require_GET
def stats(request: HttpRequest) -> HttpResponse:
    return render(request, "moderation/stats.html", {"stats": selectors.moderation_stats()})


# --- the member's side: notices and appeals ----------------------------------------------------


@login_required
@require_GET
def notices(request: HttpRequest) -> HttpResponse:
    """What moderators did about the member or their posts, and their messages."""
    found = selectors.notices_for(member=request.user)
    services.notices_mark_read(member=request.user)
    context = {
        "notices": found,
        "appeal_form": AppealForm(),
        "restriction": selectors.restriction_message(request.user),
    }
    return render(request, "moderation/notices.html", context)


@login_required
@require_POST
def notice_appeal(request: HttpRequest, notice_id: int) -> HttpResponse:
    from django.core.exceptions import ValidationError

    notice = get_object_or_404(Notice, pk=notice_id, member=request.user)
    form = AppealForm(request.POST)
    if form.is_valid():
        try:
            services.appeal_submit(
                notice=notice, member=request.user, text=form.cleaned_data["text"]
            )
        except services.ModerationError as error:
            form.add_error(None, error.message)
        except ValidationError as error:
            form.add_error("text", error.messages)
        else:
            messages.success(
                request,
                "Thank you. Another moderator will look at it and you'll see the answer here.",
            )
            return redirect("moderation:notices")
    context = {
        "notices": selectors.notices_for(member=request.user),
        "appeal_form": form,
        "appeal_for": notice.pk,
        "restriction": selectors.restriction_message(request.user),
    }
    return render(request, "moderation/notices.html", context, status=400)
