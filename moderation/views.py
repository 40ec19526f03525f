"""Moderator pages. Every view here is behind `moderator_required` (moderator + MFA)."""

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_POST

from moderation import selectors, services
from moderation.models import Case, ModeratorProfile
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
    from groups.models import Reply, Thread
    from groups.services import GroupError, post_review

    decision = request.POST.get("decision", "")
    if kind not in ("thread", "reply") or decision not in ("approve", "hide"):
        raise Http404
    post: Thread | Reply = (
        get_object_or_404(Thread, pk=post_id)
        if kind == "thread"
        else get_object_or_404(Reply, pk=post_id)
    )
    try:
        post_review(post=post, by=request.user, approve=decision == "approve")
    except GroupError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, "Approved." if decision == "approve" else "Hidden.")
    return redirect("moderation:dashboard")
