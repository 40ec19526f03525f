"""Who may see and do what in a group. Used by views, consumers and templates alike."""

from typing import Any

from groups.models import Group, Membership, PostState, Thread


def _memberships_known(user: Any) -> dict[int, Membership | None]:
    """The viewer's memberships already read in this request, by group id (None: none)."""
    cache = getattr(user, "_membership_cache", None)
    if cache is None:
        cache = user._membership_cache = {}
    return cache


def remember_membership(user: Any, group_id: int, membership: Membership | None) -> None:
    """Record what a query already found, so `membership_of` does not ask again."""
    _memberships_known(user)[group_id] = membership


def membership_of(user: Any, group: Group) -> Membership | None:
    if not getattr(user, "is_authenticated", False):
        return None
    cache = _memberships_known(user)
    if group.pk not in cache:
        found = Membership.objects.filter(group=group, user=user).first()
        if found is not None:
            found.group = group  # already loaded: no second query for it
        cache[group.pk] = found
    return cache[group.pk]


def _is_site_moderator(user: Any) -> bool:
    """A site moderator with two-step verification set up. Without it, a moderator account
    has only its own memberships' rights here, as on the moderator pages (one query, cached
    on the user for the request)."""
    if not (getattr(user, "is_authenticated", False) and user.is_moderator):
        return False
    if not hasattr(user, "_mfa_cache"):
        from allauth.mfa.utils import is_mfa_enabled

        user._mfa_cache = is_mfa_enabled(user)
    return bool(user._mfa_cache)


def can_view_group_page(user: Any, group: Group) -> bool:
    """The group's front page (name, description, guidelines): listed groups are public to
    signed-in members; unlisted groups only to members, invitees and moderators."""
    if group.visibility == Group.Visibility.LISTED:
        return True
    membership = membership_of(user, group)
    return _is_site_moderator(user) or (
        membership is not None and membership.status != Membership.Status.BANNED
    )


def can_read(user: Any, group: Group) -> bool:
    """Threads and replies: active members and site moderators only (not while suspended)."""
    from moderation.selectors import is_suspended

    if _is_site_moderator(user):
        return True
    membership = membership_of(user, group)
    return membership is not None and membership.is_active and not is_suspended(user)


def live_readers(
    *,
    user_ids: list[int],
    group_id: int,
    author_id: int | None = None,
    starter_id: int | None = None,
) -> set[int]:
    """For open sockets, before each message they carry: which of these members may still read
    the group (the same rule as `can_read`, from fresh rows, so a removal, a suspension or a
    moderator losing their role or two-step verification counts at once) and, for a message by
    `author_id` (in a thread started by `starter_id`), have not blocked its author (nor the
    thread's starter: a thread someone they blocked started is hidden from them). One query for
    all of them."""
    from allauth.mfa.models import Authenticator
    from django.contrib.auth import get_user_model
    from django.db.models import Exists, OuterRef, Q

    from groups.models import Block
    from moderation.models import Sanction
    from moderation.selectors import restrictions_in_force

    readers = (
        get_user_model()
        .objects.filter(pk__in=user_ids, is_active=True)
        .annotate(
            two_step=Exists(Authenticator.objects.filter(user=OuterRef("pk"))),
            member=Exists(
                Membership.objects.filter(
                    group=group_id, user=OuterRef("pk"), status=Membership.Status.ACTIVE
                )
            ),
            suspended=Exists(
                restrictions_in_force(member=OuterRef("pk")).filter(kind=Sanction.Kind.SUSPENSION)
            ),
        )
        .filter(Q(is_moderator=True, two_step=True) | Q(member=True, suspended=False))
    )
    authors = [pk for pk in (author_id, starter_id) if pk is not None]
    if authors:
        readers = readers.exclude(
            Exists(Block.objects.filter(blocker=OuterRef("pk"), blocked__in=authors))
        )
    return set(readers.values_list("pk", flat=True))


def can_post(user: Any, group: Group) -> bool:
    """Post, reply, react, talk live: active members whose posting no moderator paused."""
    from moderation.selectors import restriction_for

    membership = membership_of(user, group)
    return bool(
        membership is not None
        and membership.is_active
        and user.is_active
        and restriction_for(user) is None
    )


def can_reply(user: Any, thread: Thread) -> bool:
    return thread.state == PostState.VISIBLE and can_post(user, thread.group)


def can_facilitate(user: Any, group: Group) -> bool:
    """The group's tools (requests, held posts, settings): its facilitators, unless suspended,
    and site moderators."""
    from moderation.selectors import is_suspended

    if _is_site_moderator(user):
        return True
    membership = membership_of(user, group)
    return (
        membership is not None
        and membership.is_active
        and membership.is_facilitator
        and not is_suspended(user)
    )


def can_change_settings(user: Any, group: Group) -> bool:
    """The group's settings page (description, guidelines, join policy, trust threshold): its
    active facilitators and site moderators."""
    return can_facilitate(user, group)


def can_mute(user: Any, group: Group) -> bool:
    """Mute or unmute notifications from the whole group: the member's own, private choice,
    for active members only."""
    membership = membership_of(user, group)
    return membership is not None and membership.is_active


def can_join(user: Any, group: Group) -> bool:
    if not getattr(user, "is_authenticated", False):
        return False
    membership = membership_of(user, group)
    if membership is None:
        return group.join_policy != Group.JoinPolicy.INVITE
    if membership.status == Membership.Status.PENDING:
        return membership.invited_by_id is not None
    return False
