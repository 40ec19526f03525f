"""Group pages. Thin: parse, call a service or selector, render."""

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import BadRequest, ValidationError
from django.core.paginator import Paginator
from django.db.models import Exists, OuterRef
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseNotAllowed
from django.middleware.csrf import get_token
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from groups import catch_up, fragments, help_panel, permissions, selectors, services
from groups.forms import (
    GroupSettingsForm,
    InviteForm,
    JoinForm,
    LiveMessageForm,
    ReplyForm,
    ThreadForm,
)
from groups.models import Group, LiveMessage, Membership, Thread
from moderation.selectors import held_posts, is_suspended, restriction_message
from supportnet.core.ids import parse_id
from supportnet.core.refusals import Refused
from supportnet.core.text import clean_query

HELP_PANEL_SESSION_KEY = "groups.show_help_panel"


def _group_for(user: Any, slug: str) -> Group:
    """The group, with the viewer's membership, restriction and unread count in one query."""
    group = selectors.group_for_viewer(viewer=user, slug=slug)
    if group is None:
        raise Http404
    return group


def _group_or_404(user: Any, slug: str) -> Group:
    group = _group_for(user, slug)
    if not permissions.can_view_group_page(user, group):
        raise Http404
    return group


def _readable_group_or_404(user: Any, slug: str) -> Group:
    group = _group_for(user, slug)
    if not permissions.can_read(user, group):
        membership = permissions.membership_of(user, group)
        if membership is not None and membership.is_active and is_suspended(user):
            # Their own group: say why rather than pretend it isn't there.
            raise Refused(
                restriction_message(user),
                link=reverse("moderation:notices"),
                link_text="Messages from the moderators",
            )
        raise Http404
    return group


def _help_lines_for(user: Any) -> list[Any]:
    """Up to three help lines for the member's region, for the crisis help panel."""
    return help_panel.help_lines_for(user)


def _apply_errors(form: Any, error: ValidationError | services.GroupError) -> None:
    if isinstance(error, services.GroupError):
        form.add_error(None, error.message)
    elif hasattr(error, "error_dict"):
        for field, errors in error.message_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error.messages)


def _after_post(request: HttpRequest, post: Any) -> None:
    if help_panel.offers_help(post):
        request.session[HELP_PANEL_SESSION_KEY] = True
    if post.state == "pending" and isinstance(post, LiveMessage):
        messages.info(request, services.LIVE_MESSAGE_HELD)
    elif post.state == "pending":
        screening = getattr(post, "screening", None)
        why = (
            ""  # held by screening: no reason is given (it would teach how to get around it)
            if screening is not None and screening.hold
            else " New members' first posts are reviewed to keep the group safe."
        )
        messages.info(
            request,
            "Thank you. Your post will appear to others once a moderator has looked at it." + why,
        )


@require_GET
def directory(request: HttpRequest) -> HttpResponse:
    query = clean_query(request.GET.get("q", ""), max_length=100)
    topic = clean_query(request.GET.get("topic", ""), max_length=40)
    groups = selectors.group_directory(viewer=request.user, query=query, topic=topic)
    page = Paginator(groups, 30).get_page(request.GET.get("page"))
    return render(request, "groups/directory.html", {"page": page, "query": query, "topic": topic})


@require_GET
def detail(request: HttpRequest, slug: str) -> HttpResponse:
    group = _group_or_404(request.user, slug)
    membership = permissions.membership_of(request.user, group)
    context: dict[str, Any] = {
        "group": group,
        "membership": membership,
        "can_read": permissions.can_read(request.user, group),
        "can_post": permissions.can_post(request.user, group),
        "can_join": permissions.can_join(request.user, group),
        "can_facilitate": permissions.can_facilitate(request.user, group),
        "join_form": JoinForm(),
    }
    if context["can_read"]:
        threads = selectors.group_threads(group=group, viewer=request.user)
        context["page"] = Paginator(threads, selectors.THREADS_PER_PAGE).get_page(
            request.GET.get("page")
        )
        if membership is not None:
            selectors.mark_unread(
                list(context["page"].object_list),
                since=membership.joined_at or membership.created_at,
            )
    return render(request, "groups/detail.html", context)


@login_required
@require_POST
def join(request: HttpRequest, slug: str) -> HttpResponse:
    group = _group_or_404(request.user, slug)
    form = JoinForm(request.POST)
    if form.is_valid():
        try:
            membership = services.membership_join(
                group=group, user=request.user, intro_answer=form.cleaned_data["intro_answer"]
            )
        except services.GroupError as error:
            messages.error(request, error.message)
            return redirect(group)
        if membership.status == Membership.Status.ACTIVE:
            messages.success(request, f"Welcome to {group.name}.")
        else:
            messages.info(request, "Thank you. A facilitator will look at your request soon.")
        return redirect(group)
    return render(
        request,
        "groups/detail.html",
        {
            "group": group,
            "membership": permissions.membership_of(request.user, group),
            "can_join": permissions.can_join(request.user, group),
            "join_form": form,
        },
        status=400,
    )


@login_required
@require_POST
def leave(request: HttpRequest, slug: str) -> HttpResponse:
    group = _group_or_404(request.user, slug)
    try:
        services.membership_leave(group=group, user=request.user)
    except services.GroupError as error:
        messages.error(request, error.message)
        return redirect(group)
    messages.info(request, "You have left the group.")
    return redirect("groups:directory")


@login_required
@require_POST
def accept_guidelines(request: HttpRequest, slug: str) -> HttpResponse:
    """An active member accepts the group's changed guidelines; anyone else gets a 404."""
    group = _group_or_404(request.user, slug)
    membership = permissions.membership_of(request.user, group)
    if membership is None or not membership.is_active:
        raise Http404
    services.membership_accept_guidelines(membership=membership)
    messages.success(request, "Thank you: you have accepted the group's current guidelines.")
    return redirect(group)


@login_required
@require_POST
def mute(request: HttpRequest, slug: str) -> HttpResponse:
    """Mute or unmute notifications from the whole group. Active members only: anyone else
    gets a 404, so the answer says nothing about the group or who is in it."""
    group = _group_or_404(request.user, slug)
    membership = permissions.membership_of(request.user, group)
    if membership is None or not permissions.can_mute(request.user, group):
        raise Http404
    choice = request.POST.get("choice", "")
    if choice not in ("mute", "unmute"):
        raise BadRequest("unknown choice")
    services.membership_set_notifications_muted(membership=membership, muted=choice == "mute")
    if choice == "mute":
        messages.success(
            request,
            f"{group.name} is muted: you won't get notifications from any of its conversations. "
            "You can still read it as usual, and only you can see that you muted it.",
        )
    else:
        messages.success(
            request,
            f"{group.name} is unmuted: you will get notifications from its conversations again.",
        )
    return redirect(group)


@login_required
@require_http_methods(["GET", "POST"])
def thread_new(request: HttpRequest, slug: str) -> HttpResponse:
    group = _readable_group_or_404(request.user, slug)
    if not permissions.can_post(request.user, group):
        raise Http404
    form = ThreadForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            thread = services.thread_create(group=group, author=request.user, **form.cleaned_data)
        except (ValidationError, services.GroupError) as error:
            _apply_errors(form, error)
        else:
            _after_post(request, thread)
            return redirect(thread)
    status = 400 if request.method == "POST" else 200
    return render(request, "groups/thread_form.html", {"group": group, "form": form}, status=status)


@require_GET
def thread(request: HttpRequest, slug: str, thread_id: int) -> HttpResponse:
    group = _readable_group_or_404(request.user, slug)
    found = selectors.thread_for_viewer(group=group, thread_id=thread_id, viewer=request.user)
    if found is None:
        raise Http404
    return _render_thread(request, found, ReplyForm())


def _render_thread(
    request: HttpRequest, thread: Any, form: ReplyForm, status: int = 200
) -> HttpResponse:
    cursor = catch_up.cursor()  # before the replies: what changes after, the socket gets
    replies = selectors.thread_replies(thread=thread, viewer=request.user)
    page = selectors.reply_page(replies, request.GET.get("page"))
    shown = list(page.object_list)
    selectors.attach_reactions(thread=thread, replies=shown, viewer=request.user)
    # Unread markers: replies since the member last read this far; then record this visit.
    seen_before = getattr(thread, "seen_up_to", None)
    for item in shown:
        shown_since = item.published_at or item.created_at  # a held reply: since approval
        item.is_new = bool(
            seen_before and shown_since > seen_before and item.author_id != request.user.pk
        )
    first_new = next((item for item in shown if item.is_new), None)
    up_to = shown[-1].created_at if page.has_next() else thread.last_activity_at
    services.thread_mark_seen(user=request.user, thread=thread, up_to=up_to)
    show_help = request.session.pop(HELP_PANEL_SESSION_KEY, False)
    panel_lines = _help_lines_for(request.user) if show_help else []
    context = {
        "group": thread.group,
        "thread": thread,
        "page": page,
        "form": form,
        "form_fields": fragments.form_fields(form),
        "can_reply": permissions.can_reply(request.user, thread),
        "posting_paused": restriction_message(request.user),
        "show_help_panel": show_help,
        "help_lines": panel_lines,
        "first_new": first_new,
        # For the live script (last page only): its cursor, and where the page starts.
        "live_cursor": cursor,
        "page_from": shown[0].pk if page.number > 1 and shown else 0,
        "replies_html": fragments.render_replies(
            shown,
            viewer_id=request.user.pk,
            csrf_token=get_token(request),
            here=request.get_full_path(),
        ),
    }
    return render(request, "groups/thread.html", context, status=status)


@login_required
@require_POST
def reply(request: HttpRequest, slug: str, thread_id: int) -> HttpResponse:
    group = _readable_group_or_404(request.user, slug)
    found = selectors.thread_for_viewer(group=group, thread_id=thread_id, viewer=request.user)
    if found is None:
        raise Http404
    form = ReplyForm(request.POST)
    if form.is_valid():
        try:
            created = services.reply_create(thread=found, author=request.user, **form.cleaned_data)
        except (ValidationError, services.GroupError) as error:
            _apply_errors(form, error)
        else:
            _after_post(request, created)
            return redirect(f"{found.get_absolute_url()}?page=last#reply-{created.pk}")
    return _render_thread(request, found, form, status=400)


@login_required
def requests(request: HttpRequest, slug: str) -> HttpResponse:
    group = _group_or_404(request.user, slug)
    if not permissions.can_facilitate(request.user, group):
        raise Http404
    if request.method not in ("GET", "POST"):  # after the 404: a wrong method reveals nothing
        return HttpResponseNotAllowed(["GET", "POST"])
    invite_form = InviteForm()
    if request.method == "POST":
        action = request.POST.get("action", "")
        if action in ("approve", "decline"):
            membership_id = parse_id(request.POST.get("membership", ""))
            if membership_id is None:
                raise Http404
            membership = get_object_or_404(Membership, pk=membership_id, group=group)
            try:
                services.membership_decide(
                    membership=membership, by=request.user, approve=action == "approve"
                )
            except services.GroupError as error:
                messages.error(request, error.message)
            return redirect("groups:requests", slug=group.slug)
        if action in ("approve_post", "hide_post"):
            found = selectors.find_post(
                kind=request.POST.get("kind", ""), post_id=request.POST.get("post", "")
            )
            if found is None or found[1].group_id != group.pk:
                raise Http404
            # Hiding tells the author why (a notice they may appeal), as a site moderator's does.
            from moderation.services import ModerationError, held_post_review

            try:
                held_post_review(
                    post=found[0],
                    moderator=request.user,
                    approve=action == "approve_post",
                    reason=request.POST.get("reason", ""),
                )
            except ValidationError as error:  # no reason, or a reason too long
                messages.error(request, f"Why is it hidden? {' '.join(error.messages)}")
            except ModerationError as error:
                messages.error(request, error.message)
            else:
                messages.success(
                    request,
                    "Approved."
                    if action == "approve_post"
                    else "Hidden. The author has a notice and may appeal.",
                )
            return redirect("groups:requests", slug=group.slug)
        if action == "invite":
            invite_form = InviteForm(request.POST)
            if invite_form.is_valid():
                services.membership_invite(
                    group=group, by=request.user, pseudonym=invite_form.cleaned_data["pseudonym"]
                )
                # The same answer whether or not the pseudonym exists: no member enumeration.
                messages.info(
                    request, "If that member can be invited, they will see the invitation."
                )
                return redirect("groups:requests", slug=group.slug)
    context = {
        "group": group,
        "pending": selectors.pending_requests(group=group),
        "held_posts": held_posts(moderator=request.user, group=group),
        "members": selectors.group_members(group=group),
        "invite_form": invite_form,
    }
    return render(
        request, "groups/requests.html", context, status=400 if invite_form.errors else 200
    )


@login_required
def group_settings(request: HttpRequest, slug: str) -> HttpResponse:
    """The group's settings, for its facilitators and site moderators; a 404 for everyone
    else, so nobody can learn from the answer whether a group exists."""
    from supportnet.core.instance import current

    group = _group_or_404(request.user, slug)
    if not permissions.can_change_settings(request.user, group):
        raise Http404
    if request.method not in ("GET", "POST"):  # after the 404: a wrong method reveals nothing
        return HttpResponseNotAllowed(["GET", "POST"])
    site_default = current().new_member_held_posts
    form = GroupSettingsForm(
        # Bound on every POST, even an empty one, so that it shows its errors.
        request.POST if request.method == "POST" else None,
        initial=GroupSettingsForm.initial_for(group),
        site_default=site_default,
    )
    if request.method == "POST" and form.is_valid():
        try:
            updated = services.group_settings_update(
                group=group, by=request.user, **form.cleaned_data
            )
        except (ValidationError, services.GroupError) as error:
            _apply_errors(form, error)
        else:
            if not updated.settings_changed:
                messages.info(request, "Nothing changed.")
            elif "guidelines" in updated.settings_changed:
                messages.success(
                    request,
                    "The group's settings are saved. The guidelines are now version "
                    f"{updated.guidelines_version}: members who join from now on accept it.",
                )
            else:
                messages.success(request, "The group's settings are saved.")
            return redirect("groups:settings", slug=group.slug)
    status = 400 if request.method == "POST" else 200
    context = {"group": group, "form": form}
    return render(request, "groups/settings.html", context, status=status)


@login_required
@require_POST
def block(request: HttpRequest) -> HttpResponse:
    """Block the author of a post. The blocked member is never told."""
    from django.contrib.auth import get_user_model
    from django.utils.http import url_has_allowed_host_and_scheme

    member_id = parse_id(request.POST.get("member", ""))
    if member_id is None:
        raise Http404
    blocked = get_object_or_404(get_user_model(), pk=member_id, is_active=True)
    try:
        services.block_create(blocker=request.user, blocked=blocked)
    except services.GroupError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request,
            f"You have blocked {blocked.pseudonym}. "
            "You won't see their posts or messages any more.",
        )
    next_url = request.POST.get("next", "")
    # A path on this site only: redirect() would try to reverse anything else ("a", "x\x00").
    if not next_url.startswith("/") or not url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}
    ):
        next_url = "/groups/"
    return redirect(next_url)


@login_required
@require_POST
def react(request: HttpRequest) -> HttpResponse:
    """Add or take back a support reaction on a post the member can see."""
    kind, post_id = request.POST.get("post_kind", ""), request.POST.get("post", "")
    found = selectors.find_visible_post(kind=kind, post_id=post_id, viewer=request.user)
    if found is None:
        raise Http404
    post, thread = found
    if isinstance(post, LiveMessage) or not isinstance(thread, Thread):  # no reactions there
        raise Http404
    try:
        services.reaction_toggle(
            user=request.user, post=post, kind=request.POST.get("reaction", "")
        )
    except services.GroupError as error:
        messages.error(request, error.message)
    anchor = f"#reply-{post.pk}" if kind == "reply" else ""
    return redirect(f"{thread.get_absolute_url()}{anchor}")


def _own_post_or_404(request: HttpRequest, kind: str, post_id: int) -> tuple[Any, Thread]:
    found = selectors.find_post(kind=kind, post_id=post_id)
    if found is None:
        raise Http404
    post, thread = found
    if isinstance(post, LiveMessage) or not isinstance(thread, Thread):  # threads, replies only
        raise Http404
    if post.author_id != request.user.pk or post.state in ("deleted", "hidden"):
        raise Http404
    return post, thread


@login_required
@require_http_methods(["GET", "POST"])
def post_edit(request: HttpRequest, kind: str, post_id: int) -> HttpResponse:
    post, thread = _own_post_or_404(request, kind, post_id)
    form_class = ThreadForm if kind == "thread" else ReplyForm
    initial = {
        "body": post.body,
        "content_warning": post.content_warning,
        "content_warning_text": post.content_warning_text,
    }
    if kind == "thread":
        initial["title"] = post.title
    form = form_class(request.POST if request.method == "POST" else None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            edited = services.post_edit(
                post=post,
                by=request.user,
                body=form.cleaned_data["body"],
                title=form.cleaned_data.get("title"),
                content_warning=form.cleaned_data["content_warning"],
                content_warning_text=form.cleaned_data["content_warning_text"],
            )
        except (ValidationError, services.GroupError) as error:
            _apply_errors(form, error)
        else:
            _after_post(request, edited)  # the help panel after a crisis edit; held edits
            if edited.state != "pending":
                messages.success(request, "Your post is updated.")
            anchor = f"#reply-{post.pk}" if kind == "reply" else ""
            return redirect(f"{thread.get_absolute_url()}{anchor}")
    status = 400 if request.method == "POST" else 200
    context = {"form": form, "thread": thread, "group": thread.group}
    return render(request, "groups/post_edit.html", context, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def post_delete(request: HttpRequest, kind: str, post_id: int) -> HttpResponse:
    post, thread = _own_post_or_404(request, kind, post_id)
    if request.method == "POST":
        services.post_delete(post=post, by=request.user)
        messages.success(request, "Your post is deleted.")
        if kind == "thread":
            return redirect(thread.group)
        return redirect(thread)
    return render(request, "groups/post_delete.html", {"post": post, "thread": thread})


@login_required
@require_GET
def notifications(request: HttpRequest) -> HttpResponse:
    """The member's notifications, newest first; opening the page marks them read."""
    from groups.models import Notification

    # Not from groups the member has left or was removed from: the titles stay private.
    still_member = Membership.objects.filter(
        group=OuterRef("thread__group"), user=request.user.pk, status=Membership.Status.ACTIVE
    )
    items = list(
        Notification.objects.filter(recipient=request.user.pk)
        .filter(Exists(still_member))
        .select_related("thread__group", "actor")
        .order_by("-created_at", "-id")[:50]
    )
    services.notifications_mark_read(user=request.user)
    from moderation.selectors import unread_notice_count

    context = {"items": items, "unread_notices": unread_notice_count(member=request.user)}
    return render(request, "groups/notifications.html", context)


@login_required
@require_POST
def follow(request: HttpRequest, slug: str, thread_id: int) -> HttpResponse:
    """Follow or mute a thread: active members only (notifications go to members; a site
    moderator reading a group they are not in has no follow control)."""
    group = _readable_group_or_404(request.user, slug)
    found = selectors.thread_for_viewer(group=group, thread_id=thread_id, viewer=request.user)
    if found is None or not permissions.can_mute(request.user, group):
        raise Http404
    choice = request.POST.get("choice", "")
    if choice not in ("follow", "mute"):
        raise Http404
    services.subscription_set(user=request.user, thread=found, muted=choice == "mute")
    messages.success(
        request,
        "You will hear about new replies."
        if choice == "follow"
        else "Muted: you won't be notified about this conversation.",
    )
    return redirect(found)


@login_required
@require_http_methods(["GET", "POST"])
def room(request: HttpRequest, slug: str) -> HttpResponse:
    """The group's live room. Works as a plain page with a form; the websocket only adds
    messages as they arrive."""
    group = _readable_group_or_404(request.user, slug)
    form = LiveMessageForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            message = services.live_message_create(
                group=group, author=request.user, body=form.cleaned_data["body"]
            )
        except (ValidationError, services.GroupError) as error:
            _apply_errors(form, error)
        else:
            _after_post(request, message)
            return redirect(f"{reverse('groups:room', args=[group.slug])}#message-{message.pk}")
    show_help = request.session.pop(HELP_PANEL_SESSION_KEY, False)
    cursor = catch_up.cursor()  # before the messages: what changes after, the socket gets
    context = {
        "group": group,
        "form": form,
        "room_cursor": cursor,
        "room_messages": selectors.room_messages(group=group, viewer=request.user),
        "show_help_panel": show_help,
        "help_lines": _help_lines_for(request.user) if show_help else [],
    }
    status = 400 if request.method == "POST" else 200
    return render(request, "groups/room.html", context, status=status)


# --- search within a group ---------------------------------------------------------------------

SEARCHES_PER_MINUTE = 30


@login_required
@require_GET
def search(request: HttpRequest, slug: str) -> HttpResponse:
    """Search the group's conversations and replies: members who may read the group only, and
    only what they could read on its pages (see groups/search.py)."""
    from groups.search import QUERY_MAX, search_group
    from supportnet.core import ratelimit
    from supportnet.core.text import marked_snippet

    group = _readable_group_or_404(request.user, slug)
    raw = request.GET.get("q", "")
    query = clean_query(raw, max_length=QUERY_MAX)
    results = None
    if query:
        ratelimit.check(
            "groups.search",
            str(request.user.pk),
            limit=SEARCHES_PER_MINUTE,
            period=60,
            message="You are searching very quickly. Please wait a moment and try again.",
        )
        results = search_group(group=group, viewer=request.user, query=query)
        found: list[Any] = [*results.threads, *results.replies]
        for post in found:
            post.snippet_html = marked_snippet(post.snippet) if post.snippet else ""
    context = {
        "group": group,
        "query": query,
        "results": results,
        "shortened": len(raw) > QUERY_MAX,
    }
    return render(request, "groups/search.html", context)


@login_required
@require_GET
def reply_link(request: HttpRequest, slug: str, thread_id: int, reply_id: int) -> HttpResponse:
    """A lasting link to one reply: the page of the thread it is on, for this reader (their
    blocks and their own held replies change where it falls)."""
    from django.db.models import Q

    group = _readable_group_or_404(request.user, slug)
    found = selectors.thread_for_viewer(group=group, thread_id=thread_id, viewer=request.user)
    if found is None:
        raise Http404
    replies = selectors.thread_replies(thread=found, viewer=request.user)
    target = replies.filter(pk=reply_id).values("pk", "created_at").first()
    if target is None:
        raise Http404
    earlier = Q(created_at__lt=target["created_at"]) | Q(
        created_at=target["created_at"], pk__lt=target["pk"]
    )
    page = replies.filter(earlier).count() // selectors.REPLIES_PER_PAGE + 1
    return redirect(f"{found.get_absolute_url()}?page={page}#reply-{target['pk']}")
