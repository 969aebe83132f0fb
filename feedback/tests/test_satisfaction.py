"""Per-dossier ratings (once per dossier, second factor or owner) and the Decision 766 figures."""

import datetime
import re
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from django.utils import timezone

from dossiers.models import Dossier
from dossiers.services.builder import build_dossier
from feedback.constants import Satisfaction
from feedback.models import ServiceRating
from feedback.satisfaction import AlreadyRated, NotRatable, group_points, rate_dossier, satisfaction_by_agency

pytestmark = pytest.mark.django_db

V, S, N = Satisfaction.VERY_SATISFIED, Satisfaction.SATISFIED, Satisfaction.NOT_SATISFIED


SUBMITTED = datetime.datetime(2025, 11, 27, 9, 0, tzinfo=ZoneInfo("Asia/Ho_Chi_Minh"))


def make_dossier(procedure, *, user=None, phone="0912345678", citizen_id="079123456789"):
    """A dossier in status 1 for `procedure` (its agency's), through the one Dossier builder."""
    from forms.models import FormVersion, OnlineForm

    form, _created = OnlineForm.objects.get_or_create(procedure=procedure)
    version, _created = FormVersion.objects.get_or_create(
        form=form, number=1, defaults={"schema": {}, "schema_hash": "test"}
    )
    applicant = {"name": "Nguyễn Văn Bình", "phone": phone, "citizen_id": citizen_id}
    return build_dossier(
        procedure=procedure, applicant=applicant, submitted_at=SUBMITTED, user=user, form_version=version
    )


@pytest.fixture
def dossier(procedure, agency):
    return make_dossier(procedure)


def test_group_points_formula():
    assert group_points(3, 1, 1) == Decimal("14.40")  # 18 × 4/5
    assert group_points(0, 1, 1) == Decimal("9.00")  # 18 × 1/2
    assert group_points(3, 2, 2) == Decimal("12.86")  # 18 × 5/7 = 12.857…
    assert group_points(0, 0, 4) == Decimal("0.00")
    assert group_points(2, 0, 0) == Decimal("18.00")
    assert group_points(0, 0, 0) is None  # no ratings, no score


def test_figures_per_agency_and_province(procedure, other_procedure, agency, other_agency):
    levels = {agency: [V, V, V, S, N], other_agency: [S, N]}
    n = 0
    for who, marks in levels.items():
        page = procedure if who == agency else other_procedure
        for level in marks:
            n += 1
            d = make_dossier(page)
            rate_dossier(dossier=d, level=level, reason="Chờ lâu" if level == N else "")
    rows, overall = satisfaction_by_agency()
    by_name = {row.name: row for row in rows}
    first = by_name[agency.name]
    assert (first.very, first.satisfied, first.not_satisfied, first.total) == (3, 1, 1, 5)
    assert (first.very_pct, first.satisfied_pct, first.not_satisfied_pct) == (
        Decimal("60.0"),
        Decimal("20.0"),
        Decimal("20.0"),
    )
    assert first.satisfied_or_better_pct == Decimal("80.0") and first.points == Decimal("14.40")
    assert by_name[other_agency.name].points == Decimal("9.00")
    assert overall.total == 7 and overall.points == Decimal("12.86")
    assert satisfaction_by_agency(year=timezone.localdate().year - 5)[1].total == 0


def test_rating_once_per_dossier_with_reason_when_not_satisfied(dossier):
    with pytest.raises(ValueError):
        rate_dossier(dossier=dossier, level=N, reason="  ")
    with pytest.raises(ValueError):
        rate_dossier(dossier=dossier, level="great")
    rating = rate_dossier(dossier=dossier, level=N, reason="Phải bổ sung giấy tờ nhiều lần")
    assert (rating.agency, rating.procedure) == (dossier.agency, dossier.procedure)
    with pytest.raises(AlreadyRated):
        rate_dossier(dossier=dossier, level=V)
    assert ServiceRating.objects.count() == 1


def test_reason_is_kept_only_for_not_satisfied(dossier):
    assert rate_dossier(dossier=dossier, level=S, reason="không cần").reason == ""


def test_ratable_statuses_setting(dossier, settings):
    settings.FEEDBACK_RATABLE_DOSSIER_STATUSES = ["10"]
    with pytest.raises(NotRatable):
        rate_dossier(dossier=dossier, level=V)
    Dossier.objects.filter(pk=dossier.pk).update(status="10")
    dossier.refresh_from_db()
    rate_dossier(dossier=dossier, level=V)


# --- the rating page ---------------------------------------------------------------------------------


MISSING_CODE = "000.00.12.H53-991231-9999"


def _normalise(html: str, code: str) -> str:
    html = re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', "", html)
    return html.replace(code, "CODE")


def test_rating_page_does_not_reveal_whether_a_dossier_exists(client, dossier):
    existing = client.get(reverse("feedback:rate_dossier", args=[dossier.code]))
    missing = client.get(reverse("feedback:rate_dossier", args=[MISSING_CODE]))
    assert existing.status_code == missing.status_code == 200
    assert _normalise(existing.content.decode(), dossier.code) == _normalise(
        missing.content.decode(), MISSING_CODE
    )
    assert dossier.procedure_name not in existing.content.decode()
    for code in (dossier.code, MISSING_CODE):
        response = client.post(reverse("feedback:rate_dossier", args=[code]), {"factor": "1111", "level": V})
        assert response.status_code == 400
        assert "không khớp" in response.content.decode()
    assert ServiceRating.objects.count() == 0


@pytest.mark.parametrize("factor", ["5678", "6789"])  # phone tail, ID number tail
def test_rating_with_the_lookup_second_factor(client, dossier, factor):
    url = reverse("feedback:rate_dossier", args=[dossier.code])
    response = client.post(url, {"factor": factor, "level": N, "reason": "Cán bộ hẹn nhiều lần"})
    assert response.status_code == 302
    assert response["Location"] == reverse("feedback:rate_thanks", args=[dossier.code])
    rating = ServiceRating.objects.get()
    assert (rating.dossier, rating.level, rating.reason) == (dossier, N, "Cán bộ hẹn nhiều lần")
    again = client.post(url, {"factor": factor, "level": V})
    assert again.status_code == 400
    assert "đã được đánh giá" in again.content.decode()
    assert ServiceRating.objects.get().level == N


def test_rating_needs_a_reason_when_not_satisfied_and_keeps_input(client, dossier):
    response = client.post(
        reverse("feedback:rate_dossier", args=[dossier.code]), {"factor": "5678", "level": N}
    )
    assert response.status_code == 400
    assert "lý do không hài lòng" in response.content.decode()
    assert 'value="5678"' in response.content.decode()
    assert ServiceRating.objects.count() == 0


def test_owner_rates_without_second_factor(client, procedure, agency, django_user_model):
    owner = django_user_model.objects.create_user(username="chu-ho-so", password="x")
    mine = make_dossier(procedure, user=owner)
    client.force_login(owner)
    url = reverse("feedback:rate_dossier", args=[mine.code])
    page = client.get(url).content.decode()
    assert 'name="factor"' not in page and mine.procedure_name in page
    assert client.post(url, {"level": V}).status_code == 302
    done = client.get(url)
    assert "Bạn đã đánh giá hồ sơ này" in done.content.decode()
    # another signed-in user is not the owner: the second factor is asked
    stranger = django_user_model.objects.create_user(username="nguoi-khac", password="x")
    client.force_login(stranger)
    assert 'name="factor"' in client.get(url).content.decode()


def test_rating_attempts_are_rate_limited(client, dossier, settings):
    settings.FEEDBACK_RATE_LIMITS = {"rating_ip": [(3, 3600)]}
    url = reverse("feedback:rate_dossier", args=[dossier.code])
    for guess in ("0000", "0001", "0002"):
        assert client.post(url, {"factor": guess, "level": V}).status_code == 400
    assert client.post(url, {"factor": "5678", "level": V}).status_code == 429
    assert ServiceRating.objects.count() == 0


def test_one_dossiers_rating_page_is_limited_whatever_the_address(client, dossier, settings):
    """Many addresses together cannot try the 10,000 second factors of one dossier."""
    settings.FEEDBACK_RATE_LIMITS = {"rating_ip": [(100, 3600)], "rating_code": [(3, 3600)]}
    url = reverse("feedback:rate_dossier", args=[dossier.code])
    for n, guess in enumerate(("0000", "0001", "0002")):
        assert (
            client.post(url, {"factor": guess, "level": V}, REMOTE_ADDR=f"198.51.100.{n}").status_code == 400
        )
    assert client.post(url, {"factor": "5678", "level": V}, REMOTE_ADDR="198.51.100.9").status_code == 429
    assert ServiceRating.objects.count() == 0


def test_rate_start_redirects_to_the_dossier_page(client):
    response = client.get(reverse("feedback:rate_start"), {"code": " 000.00.12.H53-251127-0001 "})
    assert response["Location"] == reverse("feedback:rate_dossier", args=["000.00.12.H53-251127-0001"])


# --- the public page ---------------------------------------------------------------------------------


@pytest.mark.engine
def test_public_satisfaction_page(client, procedure, agency):
    for level in [V, S, N, V]:
        d = make_dossier(procedure)
        rate_dossier(dossier=d, level=level, reason="Lý do riêng tư 0912345678" if level == N else "")
    response = client.get(reverse("feedback:satisfaction"))
    html = response.content.decode()
    soup = BeautifulSoup(html, "html.parser")
    row = soup.select_one(f'tr[data-agency="{agency.pk}"]')
    assert row.select_one("[data-total]").get_text() == "4"
    assert row.select_one("[data-share]").get_text() == "75,0 %"
    assert row.select_one("[data-points]").get_text() == "13,50"
    svg = soup.select_one("svg.fb-chart")
    assert svg["role"] == "img" and svg.title.get_text() and "75,0 %" in svg.desc.get_text()
    assert "Lý do riêng tư" not in html  # reasons stay in the admin
    empty_year = client.get(reverse("feedback:satisfaction"), {"nam": "2001"}).content.decode()
    assert "Chưa có đánh giá nào." in empty_year


def test_ratings_are_read_only_in_the_admin(client, dossier, central_moderator):
    from django.contrib.auth.models import Permission

    rating = rate_dossier(dossier=dossier, level=N, reason="<script>alert(1)</script> chờ lâu")
    central_moderator.user_permissions.add(Permission.objects.get(codename="view_servicerating"))
    central_moderator.user_permissions.add(Permission.objects.get(codename="change_servicerating"))
    client.force_login(central_moderator)
    assert client.get(reverse("feedback_ratings:index")).status_code == 200
    inspect = client.get(reverse("feedback_ratings:inspect", args=[rating.pk]))
    assert inspect.status_code == 200
    html = inspect.content.decode()
    assert "&lt;script&gt;alert(1)&lt;/script&gt; chờ lâu" in html and "<script>alert(1)" not in html
    edit = client.get(reverse("feedback_ratings:edit", args=[rating.pk]))
    assert edit.status_code in (302, 403)


def _rating_section(html: str):
    return BeautifulSoup(html, "html.parser").find("section", class_="dossier-rating")


def test_the_dossier_pages_link_to_the_rating(client, procedure, agency, django_user_model, settings):
    """The receipt (owner's dossier page) and the lookup result carry the rating link, then the rating."""
    owner = django_user_model.objects.create_user(username="chu-ho-so", password="x")
    mine = make_dossier(procedure, user=owner)
    rate_url = reverse("feedback:rate_dossier", args=[mine.code])
    client.force_login(owner)
    receipt = client.get(reverse("dossiers:receipt", args=[mine.code]))
    assert receipt.status_code == 200
    section = _rating_section(receipt.content.decode())
    assert section.find("a", href=rate_url) is not None

    client.logout()
    lookup = client.post(reverse("dossiers:lookup"), {"ma": mine.code, "so_cuoi": "5678"})
    assert _rating_section(lookup.content.decode()).find("a", href=rate_url) is not None

    # before the dossier reaches a ratable status: no link, a sentence saying when
    settings.FEEDBACK_RATABLE_DOSSIER_STATUSES = ["10"]
    client.force_login(owner)
    section = _rating_section(client.get(reverse("dossiers:receipt", args=[mine.code])).content.decode())
    assert section.find("a") is None and "sau khi nhận kết quả" in section.get_text()

    # once rated: the rating given, no link
    settings.FEEDBACK_RATABLE_DOSSIER_STATUSES = []
    rate_dossier(dossier=mine, level=S)
    section = _rating_section(client.get(reverse("dossiers:receipt", args=[mine.code])).content.decode())
    assert section.find("a") is None
    assert "Bạn đã đánh giá hồ sơ này: Hài lòng" in " ".join(section.get_text().split())
