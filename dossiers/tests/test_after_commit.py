"""Work after commit never turns a committed submission into an error page (issue 17, item 5): the
task broker is down (a real RQ backend pointed at a port where no Redis listens), the citizen still
gets the receipt, and the dossier is there; the receipt e-mail waits in the outbox and is sent by the
periodic `deliver_emails`; the statistics row it missed is rebuilt by the nightly `refresh_usage`
(docs/security.md)."""

import io

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import override_settings

from dossiers.models import Dossier
from notifications.constants import EmailStatus
from notifications.models import OutgoingEmail
from stats.models import DossierUsage

from .factories import make_citizen, make_online_procedure
from .flow import complete_wizard

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.engine]


def _closed_port() -> int:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_a_submission_committed_while_the_broker_is_down_still_shows_its_receipt(client, settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    procedure = make_online_procedure()
    client.force_login(make_citizen())
    broken = {"default": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": ["default"]}}
    queues = {"default": {"URL": f"redis://127.0.0.1:{_closed_port()}/0", "DEFAULT_TIMEOUT": 5}}
    with override_settings(TASKS=broken, RQ_QUEUES=queues):
        from django_tasks import task_backends

        task_backends._backends = {}  # the backends are built from TASKS on first use
        try:
            response = complete_wizard(client, procedure)
        finally:
            task_backends._backends = {}
    assert response.status_code == 302 and "/bien-nhan/" in response["Location"]
    dossier = Dossier.objects.get()
    assert response["Location"].endswith(f"/{dossier.code}/bien-nhan/")
    assert len(mail.outbox) == 0  # not sent yet: the enqueue failed
    pending = OutgoingEmail.objects.get()
    assert pending.status == EmailStatus.PENDING and pending.object_id == dossier.pk
    call_command("deliver_emails", stdout=io.StringIO())
    assert len(mail.outbox) == 1 and dossier.code in mail.outbox[0].subject + mail.outbox[0].body
    call_command("deliver_emails", stdout=io.StringIO())  # sent once only
    assert len(mail.outbox) == 1
    assert OutgoingEmail.objects.get().status == EmailStatus.SENT
    # The statistics refresh was lost with the broker; the nightly rebuild repairs it.
    assert not DossierUsage.objects.filter(dossier=dossier).exists()
    call_command("refresh_usage", stdout=io.StringIO())
    assert DossierUsage.objects.get(dossier=dossier).channel == dossier.channel
