"""Statuses, the transition table, moderation permissions and the admin moderation screens."""

import itertools

import pytest
from django.core import mail
from django.urls import reverse

from feedback import services
from feedback.constants import FeedbackKind, FeedbackStatus, ModerationAction
from feedback.models import Feedback

pytestmark = pytest.mark.django_db

S = FeedbackStatus

# Written out here on purpose (not imported): the test states the rule independently.
EXPECTED_TRANSITIONS = {
    S.NEW: {S.ASSIGNED, S.ANSWERED, S.REJECTED_SPAM, S.REJECTED_ABUSIVE},
    S.ASSIGNED: {S.ASSIGNED, S.ANSWERED, S.REJECTED_SPAM, S.REJECTED_ABUSIVE},
    S.ANSWERED: {S.ANSWERED, S.PUBLISHED},
    S.PUBLISHED: {S.ANSWERED},
    S.REJECTED_SPAM: {S.NEW},
    S.REJECTED_ABUSIVE: {S.NEW},
}
# Which statuses each action may start from.
ACTION_SOURCES = {
    ModerationAction.ASSIGN: {S.NEW, S.ASSIGNED},
    ModerationAction.REPLY: {S.NEW, S.ASSIGNED, S.ANSWERED},
    ModerationAction.PUBLISH: {S.ANSWERED},
    ModerationAction.UNPUBLISH: {S.PUBLISHED},
    ModerationAction.REJECT_SPAM: {S.NEW, S.ASSIGNED},
    ModerationAction.REJECT_ABUSIVE: {S.NEW, S.ASSIGNED},
    ModerationAction.REOPEN: {S.REJECTED_SPAM, S.REJECTED_ABUSIVE},
}
ACTION_TARGET = {
    ModerationAction.ASSIGN: S.ASSIGNED,
    ModerationAction.REPLY: S.ANSWERED,
    ModerationAction.PUBLISH: S.PUBLISHED,
    ModerationAction.UNPUBLISH: S.ANSWERED,
    ModerationAction.REJECT_SPAM: S.REJECTED_SPAM,
    ModerationAction.REJECT_ABUSIVE: S.REJECTED_ABUSIVE,
    ModerationAction.REOPEN: S.NEW,
}


def make_feedback(procedure=None, **kwargs):
    defaults = {
        "kind": FeedbackKind.QUESTION,
        "message": "Làm thế nào để nộp hồ sơ trực tuyến?",
        "email": "dan@example.vn",
        "consent_to_publish": True,
        "procedure": procedure,
    }
    defaults.update(kwargs)
    return services.submit_feedback(**defaults)


def in_status(feedback, status):
    """Put an item in `status` directly (test set-up only), with a reply so publishing is possible."""
    Feedback.objects.filter(pk=feedback.pk).update(status=status, reply="Trả lời mẫu.")
    feedback.refresh_from_db()
    return feedback


def run(action, feedback, actor, agency):
    if action == ModerationAction.ASSIGN:
        return services.assign_feedback(feedback=feedback, agency=agency, actor=actor)
    if action == ModerationAction.REPLY:
        return services.reply_to_feedback(feedback=feedback, reply="Trả lời chính thức.", actor=actor)
    if action == ModerationAction.PUBLISH:
        return services.publish_feedback(feedback=feedback, actor=actor)
    if action == ModerationAction.UNPUBLISH:
        return services.unpublish_feedback(feedback=feedback, actor=actor)
    if action in (ModerationAction.REJECT_SPAM, ModerationAction.REJECT_ABUSIVE):
        return services.reject_feedback(feedback=feedback, actor=actor, status=action)
    return services.reopen_feedback(feedback=feedback, actor=actor)


@pytest.mark.parametrize(("source", "target"), list(itertools.product(S.values, S.values)))
def test_transition_table(source, target):
    assert services.can_transition(source, target) is (target in EXPECTED_TRANSITIONS[source])


def test_full_walk_through_every_status(procedure, central_moderator, other_agency):
    feedback = make_feedback(procedure)
    seen = [feedback.status]
    services.assign_feedback(
        feedback=feedback, agency=other_agency, actor=central_moderator, note="Thuộc Sở Xây dựng"
    )
    seen.append(feedback.status)
    assert feedback.agency == other_agency
    services.reply_to_feedback(feedback=feedback, reply="Hồ sơ nộp tại Trung tâm.", actor=central_moderator)
    seen.append(feedback.status)
    services.publish_feedback(feedback=feedback, actor=central_moderator, public_question="Nộp hồ sơ ở đâu?")
    seen.append(feedback.status)
    spam = make_feedback(procedure)
    services.reject_feedback(feedback=spam, actor=central_moderator, status=S.REJECTED_SPAM)
    seen.append(spam.status)
    services.reopen_feedback(feedback=spam, actor=central_moderator)
    services.reject_feedback(feedback=spam, actor=central_moderator, status=S.REJECTED_ABUSIVE)
    seen.append(spam.status)
    assert set(seen) == set(S.values)
    assert [e.to_status for e in spam.events.all()] == [S.NEW, S.REJECTED_SPAM, S.NEW, S.REJECTED_ABUSIVE]


def test_publication_needs_consent_reply_and_question(procedure, central_moderator):
    no_consent = in_status(make_feedback(procedure, consent_to_publish=False), S.ANSWERED)
    with pytest.raises(services.PublicationRefused):
        services.publish_feedback(feedback=no_consent, actor=central_moderator)
    no_reply = make_feedback(procedure)
    Feedback.objects.filter(pk=no_reply.pk).update(status=S.ANSWERED)
    no_reply.refresh_from_db()
    with pytest.raises(services.PublicationRefused):
        services.publish_feedback(feedback=no_reply, actor=central_moderator)
    blank = in_status(make_feedback(procedure), S.ANSWERED)
    with pytest.raises(services.PublicationRefused):
        services.publish_feedback(feedback=blank, actor=central_moderator, public_question="   ")
    for item in (no_consent, no_reply, blank):
        item.refresh_from_db()
        assert item.status == S.ANSWERED


def test_reply_and_reject_need_text_and_a_valid_reason(procedure, central_moderator):
    feedback = make_feedback(procedure)
    with pytest.raises(services.ModerationError):
        services.reply_to_feedback(feedback=feedback, reply="  ", actor=central_moderator)
    with pytest.raises(services.ModerationError):
        services.reject_feedback(feedback=feedback, actor=central_moderator, status=S.PUBLISHED)
    with pytest.raises(services.ModerationError):
        services.assign_feedback(feedback=feedback, agency=None, actor=central_moderator)
    feedback.refresh_from_db()
    assert feedback.status == S.NEW


def test_reply_notifies_the_citizen_after_commit(
    procedure, central_moderator, django_capture_on_commit_callbacks
):
    feedback = make_feedback(procedure)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        services.reply_to_feedback(
            feedback=feedback, reply="Mang theo giấy chứng sinh.", actor=central_moderator
        )
    assert mail.outbox == [] and len(callbacks) == 1
    callbacks[0]()
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["dan@example.vn"]
    assert feedback.tracking_code in message.subject
    assert "Mang theo giấy chứng sinh." in message.body


def test_reply_without_email_sends_nothing(procedure, central_moderator, django_capture_on_commit_callbacks):
    feedback = make_feedback(procedure, email="", phone="0987654321")
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        services.reply_to_feedback(feedback=feedback, reply="Đã trả lời.", actor=central_moderator)
    assert callbacks == [] and mail.outbox == []


# --- who moderates what ----------------------------------------------------------------------------


def test_agency_moderator_sees_only_own_agency_items(
    procedure, other_procedure, agency_moderator, other_moderator, central_moderator, other_agency
):
    own = make_feedback(procedure)
    other = make_feedback(other_procedure)
    general = make_feedback(None, kind=FeedbackKind.SUGGESTION)
    assert set(services.moderation_queryset(agency_moderator)) == {own}
    assert set(services.moderation_queryset(other_moderator)) == {other}
    assert set(services.moderation_queryset(central_moderator)) == {own, other, general}
    # assigning a portal-wide item to an agency makes it that agency's
    services.assign_feedback(feedback=general, agency=other_agency, actor=central_moderator)
    assert set(services.moderation_queryset(other_moderator)) == {other, general}
    assert services.can_moderate(other_moderator, general)
    assert not services.can_moderate(agency_moderator, general)


def test_agency_moderator_cannot_act_on_other_agencies_items(other_procedure, agency_moderator):
    other = make_feedback(other_procedure)
    with pytest.raises(services.ModerationDenied):
        services.reply_to_feedback(feedback=other, reply="Không phải của tôi.", actor=agency_moderator)
    with pytest.raises(services.ModerationDenied):
        services.reject_feedback(feedback=other, actor=agency_moderator, status=S.REJECTED_SPAM)
    other.refresh_from_db()
    assert other.status == S.NEW


def test_assign_and_reopen_are_for_the_department_of_justice(procedure, agency_moderator, other_agency):
    own = make_feedback(procedure)
    with pytest.raises(services.ModerationDenied):
        services.assign_feedback(feedback=own, agency=other_agency, actor=agency_moderator)
    services.reject_feedback(feedback=own, actor=agency_moderator, status=S.REJECTED_SPAM)
    with pytest.raises(services.ModerationDenied):
        services.reopen_feedback(feedback=own, actor=agency_moderator)
    assert ModerationAction.REOPEN not in services.allowed_actions(user=agency_moderator, feedback=own)


def test_agency_moderator_answers_and_publishes_own_items(procedure, agency_moderator):
    own = make_feedback(procedure)
    assert services.allowed_actions(user=agency_moderator, feedback=own) == [
        ModerationAction.REPLY,
        ModerationAction.REJECT_SPAM,
        ModerationAction.REJECT_ABUSIVE,
    ]
    services.reply_to_feedback(feedback=own, reply="Đã có hướng dẫn.", actor=agency_moderator)
    services.publish_feedback(feedback=own, actor=agency_moderator)
    assert own.status == S.PUBLISHED and own.replied_by == agency_moderator


def test_editor_without_moderation_permission_sees_nothing(procedure, agency, django_user_model):
    from django.contrib.auth.models import Group

    group = Group.objects.create(name="Biên tập viên – không kiểm duyệt")
    agency.editor_group = group
    agency.save()
    editor = django_user_model.objects.create_user(username="editor", password="x")
    editor.groups.add(group)
    make_feedback(procedure)
    assert list(services.moderation_queryset(editor)) == []
    assert services.moderator_agency_ids(editor) == set()


# --- admin screens ---------------------------------------------------------------------------------


def test_admin_index_lists_only_what_the_moderator_may_see(
    client, procedure, other_procedure, agency_moderator
):
    own = make_feedback(procedure, message="Câu hỏi của cơ quan mình")
    other = make_feedback(other_procedure, message="Câu hỏi của cơ quan khác")
    client.force_login(agency_moderator)
    response = client.get(reverse("feedback_moderation:index"))
    assert response.status_code == 200
    html = response.content.decode()
    assert own.tracking_code in html and other.tracking_code not in html
    assert client.get(reverse("feedback_moderation:detail", args=[other.pk])).status_code == 404
    assert client.get(reverse("feedback_moderation:detail", args=[own.pk])).status_code == 200


def test_admin_index_filters(client, procedure, central_moderator):
    first = make_feedback(procedure, message="Hỏi về lệ phí")
    second = make_feedback(procedure, message="Hỏi về thời hạn", kind=FeedbackKind.SUGGESTION)
    services.reject_feedback(feedback=second, actor=central_moderator, status=S.REJECTED_SPAM)
    client.force_login(central_moderator)
    html = client.get(reverse("feedback_moderation:index"), {"status": S.REJECTED_SPAM}).content.decode()
    assert second.tracking_code in html and first.tracking_code not in html
    html = client.get(
        reverse("feedback_moderation:index"), {"q": first.tracking_code.lower()}
    ).content.decode()
    assert first.tracking_code in html and second.tracking_code not in html


def test_admin_index_pages_with_page_and_still_reads_p(client, procedure, central_moderator):
    for i in range(31):  # 30 a page
        make_feedback(procedure, message=f"Góp ý số {i} về lệ phí")
    client.force_login(central_moderator)
    url = reverse("feedback_moderation:index")
    first = client.get(url, {"kind": FeedbackKind.QUESTION})
    assert len(first.context["items"]) == 30 and "page=2" in first.content.decode()
    assert len(client.get(url, {"page": 2}).context["items"]) == 1
    assert len(client.get(url, {"p": 2}).context["items"]) == 1  # the name before `page` everywhere


def test_admin_screens_refuse_users_without_permission(client, django_user_model, procedure):
    from django.contrib.auth.models import Permission

    user = django_user_model.objects.create_user(username="clerk", password="x")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    feedback = make_feedback(procedure)
    client.force_login(user)
    # Wagtail turns PermissionDenied into a redirect to the dashboard with a message
    for url in (
        reverse("feedback_moderation:index"),
        reverse("feedback_moderation:detail", args=[feedback.pk]),
    ):
        response = client.get(url)
        assert response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")


def test_admin_reply_and_publish_through_the_ui(
    client, procedure, agency_moderator, django_capture_on_commit_callbacks
):
    feedback = make_feedback(procedure, name="Phạm Thị Dung")
    mail.outbox.clear()
    client.force_login(agency_moderator)
    url = reverse("feedback_moderation:detail", args=[feedback.pk])
    page = client.get(url).content.decode()
    assert "Phạm Thị Dung" in page and "dan@example.vn" in page  # moderators see the sender
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            url, {"action": "reply", "reply-reply": "Nộp tại bộ phận một cửa.", "reply-note": ""}
        )
    assert response.status_code == 302
    feedback.refresh_from_db()
    assert feedback.status == S.ANSWERED and feedback.reply == "Nộp tại bộ phận một cửa."
    assert len(mail.outbox) == 1
    response = client.post(url, {"action": "publish", "publish-public_question": "Nộp hồ sơ ở đâu?"})
    assert response.status_code == 302
    feedback.refresh_from_db()
    assert feedback.status == S.PUBLISHED and feedback.public_question == "Nộp hồ sơ ở đâu?"


def test_admin_illegal_action_is_refused_with_a_message(client, procedure, central_moderator):
    feedback = make_feedback(procedure)
    client.force_login(central_moderator)
    url = reverse("feedback_moderation:detail", args=[feedback.pk])
    response = client.post(url, {"action": "publish", "publish-public_question": "Câu hỏi"})
    assert response.status_code == 400
    feedback.refresh_from_db()
    assert feedback.status == S.NEW
    response = client.post(url, {"action": "reopen", "reopen-note": ""})
    assert response.status_code == 400
    assert client.post(url, {"action": "delete"}).status_code == 404
    feedback.refresh_from_db()
    assert feedback.status == S.NEW


def test_department_of_justice_group_exists_and_works(client, django_user_model, procedure, other_procedure):
    from django.contrib.auth.models import Group

    from feedback.roles import DOJ_MODERATORS_GROUP, setup_moderation_roles

    group = Group.objects.get(name=DOJ_MODERATORS_GROUP)  # created by the data migration
    assert setup_moderation_roles() == group  # idempotent
    user = django_user_model.objects.create_user(username="kiem-duyet", password="x")
    user.groups.add(group)
    items = {make_feedback(procedure), make_feedback(other_procedure)}
    assert services.is_central_moderator(user)
    assert set(services.moderation_queryset(user)) == items
    client.force_login(user)
    home = client.get(reverse("wagtailadmin_home"))
    assert home.status_code == 200
    menu = home.content.decode()
    assert reverse("feedback_moderation:index") in menu and reverse("feedback_surveys:index") in menu
    assert client.get(reverse("feedback_surveys:index")).status_code == 200


def test_moderation_menu_hidden_from_other_admin_users(client, django_user_model):
    from django.contrib.auth.models import Permission

    user = django_user_model.objects.create_user(username="bien-tap", password="x")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    assert (
        reverse("feedback_moderation:index") not in client.get(reverse("wagtailadmin_home")).content.decode()
    )


def test_only_publishing_and_unpublishing_change_the_public_pages(procedure, central_moderator):
    """The page cache's content version (core.pagecache) moves when a Q&A appears or disappears,
    not for each new, private feedback."""
    from core.pagecache import content_version

    before = content_version()
    feedback = make_feedback(procedure)
    services.reply_to_feedback(feedback=feedback, reply="Nộp tại Trung tâm.", actor=central_moderator)
    assert content_version() == before
    services.publish_feedback(feedback=feedback, actor=central_moderator)
    published = content_version()
    assert published != before
    services.unpublish_feedback(feedback=feedback, actor=central_moderator)
    assert content_version() != published
