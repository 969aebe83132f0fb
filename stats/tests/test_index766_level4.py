"""Decision 766 indicators of level 4 from real records: 3.1 (electronic results) from the register
of results the portal signed, 4.6 (online payment) from the gateway's settled payments."""

import datetime
from decimal import Decimal

import pytest
from django.utils import timezone

from dossiers.constants import Action, DossierStatus, OfficerRole
from dossiers.lifecycle import perform
from dossiers.tests.officers import make_dossier, make_officer, result_file
from payments.services import handle_ipn, start_payment
from payments.tests.helpers import dossier_owing, ipn_params
from signing.services import ensure_demo_key
from stats.services.index766 import evaluate_766, evaluate_766_by_agency
from stats.services.usage import UsagePeriod

pytestmark = [pytest.mark.django_db, pytest.mark.engine]


@pytest.fixture(autouse=True)
def _dirs(settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    settings.SIGNING_DIR = tmp_path / "signing"


def _period() -> UsagePeriod:
    today = timezone.localdate()
    return UsagePeriod(today.replace(month=1, day=1), today)


def _finish(dossier):
    officer = make_officer((OfficerRole.LEADER, dossier.competent_agency))
    perform(dossier, Action.FINISH, actor=officer, result_files=[result_file()])


def test_electronic_results_count_the_results_the_portal_signed():
    signed = make_dossier(status=DossierStatus.PROCESSING)
    ensure_demo_key(signed.competent_agency)
    _finish(signed)
    unsigned = make_dossier(status=DossierStatus.PROCESSING)  # its agency has no key
    _finish(unsigned)
    make_dossier(status=DossierStatus.PROCESSING)  # not finished: not counted
    results = {r.code: r for r in evaluate_766(_period())}
    assert (results["3.1"].numerator, results["3.1"].denominator) == (1, 2)
    assert results["3.1"].points == Decimal("3.00")  # 6 points × 1/2
    by_agency = evaluate_766_by_agency(_period())
    mine = {r.code: r for r in by_agency[signed.competent_agency_id]}
    assert (mine["3.1"].numerator, mine["3.1"].denominator, mine["3.1"].points) == (1, 1, Decimal("6.00"))


def test_online_payment_share_comes_from_settled_payments():
    paid = dossier_owing(150000)
    payment, _url = start_payment(paid, client_ip="10.0.0.1", return_url="http://testserver/")
    assert handle_ipn(ipn_params(payment))["RspCode"] == "00"
    dossier_owing(90000)  # asked, not paid
    abandoned = dossier_owing(50000)
    start_payment(abandoned, client_ip="10.0.0.1", return_url="http://testserver/")  # never settled
    results = {r.code: r for r in evaluate_766(_period())}
    indicator = results["4.6"]
    assert (indicator.numerator, indicator.denominator) == (1, 3)
    assert indicator.points is None and "không chấm điểm" in indicator.reason  # the source gives no points
    last_year = UsagePeriod(datetime.date(2020, 1, 1), datetime.date(2020, 12, 31))
    assert {r.code: r for r in evaluate_766(last_year)}["4.6"].ratio is None  # nothing asked then
