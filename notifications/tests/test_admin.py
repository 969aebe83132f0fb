"""The administrators' "Thư đi" screen: what was owed, whether it went out, and sending again one
that was given up (issue 17, item 5)."""

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse

from notifications.constants import EmailStatus
from notifications.models import OutgoingEmail

from .test_outbox import hello  # noqa: F401  (registers the "tests.hello" e-mail)

pytestmark = pytest.mark.django_db


def test_administrators_see_the_outbox_and_send_a_failed_message_again(
    admin_client, django_capture_on_commit_callbacks
):
    failed = OutgoingEmail.objects.create(
        kind="tests.hello", object_id=11, recipient="a@example.vn", status=EmailStatus.FAILED, attempts=8,
        last_error="SMTPServerDisconnected: Connection unexpectedly closed",
    )  # fmt: skip
    OutgoingEmail.objects.create(
        kind="tests.hello", object_id=12, recipient="b@example.vn", status=EmailStatus.SENT
    )
    listing = admin_client.get(reverse("outgoing_emails:index"))
    html = listing.content.decode()
    assert listing.status_code == 200 and "a@example.vn" in html and "b@example.vn" in html
    assert "Gửi không được" in html and reverse("outgoing_emails:retry", args=[failed.pk]) in html
    retry_url = reverse("outgoing_emails:retry", args=[failed.pk])
    confirm = admin_client.get(retry_url)
    assert confirm.status_code == 200 and "SMTPServerDisconnected" in confirm.content.decode()
    assert OutgoingEmail.objects.get(pk=failed.pk).status == EmailStatus.FAILED  # a GET changes nothing
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(retry_url)
    assert response.status_code == 302
    failed.refresh_from_db()
    assert failed.status == EmailStatus.SENT and len(mail.outbox) == 1
    assert admin_client.post(retry_url).status_code == 302  # no longer failed: nothing happens
    assert len(mail.outbox) == 1


def test_the_outbox_is_for_administrators_only(client):
    staff = get_user_model().objects.create_user("bientap", password="x", is_staff=True)
    from django.contrib.auth.models import Permission

    staff.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(staff)
    email = OutgoingEmail.objects.create(
        kind="tests.hello", object_id=1, recipient="a@example.vn", status=EmailStatus.FAILED
    )
    listing = client.get(reverse("outgoing_emails:index"))
    assert listing.status_code == 302 and listing["Location"] == "/admin/"  # Wagtail's "no permission"
    refused = client.post(reverse("outgoing_emails:retry", args=[email.pk]))
    assert refused.status_code == 302 and refused["Location"] == "/admin/"
    assert OutgoingEmail.objects.get(pk=email.pk).status == EmailStatus.FAILED
