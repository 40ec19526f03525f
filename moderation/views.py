"""Moderator pages. Every view here is behind `moderator_required` (moderator + MFA)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from moderation import selectors, services
from moderation.forms import ReportForm, WatchedWordForm
from moderation.models import Case, ModeratorProfile, Report, WatchedWord
from supportnet.accounts.permissions import moderator_required


@require_GET
@moderator_required
def dashboard(request: HttpRequest) -> HttpResponse:
    profile = ModeratorProfile.objects.filter(user=request.user.pk).first()
    context = {
        "cases": selectors.case_queue(moderator=request.user),
        "alerts": selectors.unacknowledged_alerts(moderator=request.user),
        "on_duty": bool(profile and profile.on_duty),
        "held_posts": selectors.held_posts(moderator=request.user),
        "reports": selectors.open_reports(moderator=request.user),
    }
    return render(request, "moderation/dashboard.html", context)


@require_POST
@moderator_required
def duty(request: HttpRequest) -> HttpResponse:
    on_duty = request.POST.get("on_duty") == "1"
    services.moderator_set_duty(user=request.user, on_duty=on_duty)
    messages.success(request, "You are on duty." if on_duty else "You are off duty.")
    return redirect("moderation:dashboard")


@require_GET
@moderator_required
def case_detail(request: HttpRequest, case_id: int) -> HttpResponse:
    case = get_object_or_404(Case.objects.select_related("subject", "acknowledged_by"), pk=case_id)
    services.case_viewed(case=case, moderator=request.user)
    items = list(case.items.select_related("content_type"))
    for item in items:
        item.loaded = item.content  # type: ignore[attr-defined]
    return render(request, "moderation/case.html", {"case": case, "items": items})


@require_POST
@moderator_required
def case_action(request: HttpRequest, case_id: int) -> HttpResponse:
    case = get_object_or_404(Case, pk=case_id)
    action = request.POST.get("action", "")
    if action == "acknowledge":
        services.case_acknowledge(case=case, moderator=request.user)
        messages.success(request, "You have taken this case. Escalation has stopped.")
    elif action in ("resolve", "false_alarm"):
        try:
            services.case_close(
                case=case,
                moderator=request.user,
                false_alarm=action == "false_alarm",
                outcome=request.POST.get("outcome", "")[:500],
            )
        except services.ModerationError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, "The case is closed.")
    else:
        raise Http404
    return redirect("moderation:case", case_id=case.pk)


@require_POST
@moderator_required
def review_post(request: HttpRequest, kind: str, post_id: int) -> HttpResponse:
    """Approve or hide a post that waits for review."""
    from groups.selectors import find_post
    from groups.services import GroupError, post_review

    decision = request.POST.get("decision", "")
    found = find_post(kind=kind, post_id=post_id)
    if found is None or decision not in ("approve", "hide"):
        raise Http404
    post, _ = found
    try:
        post_review(post=post, by=request.user, approve=decision == "approve")
    except GroupError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, "Approved." if decision == "approve" else "Hidden.")
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
    form = ReportForm(request.POST or None)
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


@require_POST
@moderator_required
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


@require_http_methods(["GET", "POST"])
@moderator_required
def watched_words(request: HttpRequest) -> HttpResponse:
    form = WatchedWordForm()
    if request.method == "POST":
        remove = request.POST.get("remove", "")
        if remove:
            if not remove.isdigit():
                raise Http404
            word = get_object_or_404(WatchedWord, pk=int(remove))
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
    if not url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()}):
        next_url = "/"
    return redirect(next_url)
