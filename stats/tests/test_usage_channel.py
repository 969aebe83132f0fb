"""The dossier's channel reaches the usage summary: a counter dossier registered in the back office
turns the online share from "—" into a real figure."""

import datetime
import uuid
from zoneinfo import ZoneInfo

import pytest

from dossiers.constants import Channel, OfficerRole
from dossiers.services.counter import register_counter_dossier
from dossiers.tests.factories import make_online_procedure
from dossiers.tests.officers import make_dossier, make_officer
from stats.models import DossierUsage
from stats.services.usage import UsagePeriod, usage_by
from stats.services.usage_refresh import refresh_usage

# engine: the usage rebuild is one raw statement per engine (docs/testing.md)
pytestmark = [pytest.mark.django_db, pytest.mark.engine]
VN = ZoneInfo("Asia/Ho_Chi_Minh")
YEAR = UsagePeriod(datetime.date(2026, 1, 1), datetime.date(2026, 12, 31))


def test_a_counter_dossier_changes_the_online_share(django_capture_on_commit_callbacks):
    procedure = make_online_procedure()
    unit = procedure.implementing_agency
    moment = datetime.datetime(2026, 3, 2, 9, tzinfo=VN)
    for _ in range(3):
        make_dossier(procedure=procedure, submitted_at=moment - datetime.timedelta(days=3))  # other codes
    refresh_usage()
    before = usage_by("all", YEAR)[None]
    assert (before["submitted"], before["online"], before["counter"], before["online_pct"]) == (3, 3, 0, None)

    with django_capture_on_commit_callbacks(execute=True):  # the summary follows the status change
        dossier, _ = register_counter_dossier(
            token=uuid.uuid4(), officer=make_officer((OfficerRole.RECEPTION, unit)), unit=unit,
            procedure=procedure, channel=Channel.COUNTER, now=moment + datetime.timedelta(hours=1),
            applicant={"name": "Trần Thị Quầy", "phone": "0912000111", "citizen_id": "080190001111",
                       "address": "Tân An"},
            documents=[procedure.components.first().pk], accept=True,
        )  # fmt: skip
    assert DossierUsage.objects.get(dossier=dossier).channel == Channel.COUNTER
    after = usage_by("all", YEAR)[None]
    assert (after["submitted"], after["online"], after["counter"]) == (4, 3, 1)
    assert after["online_pct"] == 75
    refresh_usage()  # the full rebuild reads the same channel
    assert usage_by("all", YEAR)[None]["online_pct"] == 75
