"""Agencies and administrative units in the Wagtail admin: listing, search, filters, permissions."""

import pytest
from django.urls import reverse

from agencies.constants import AgencyKind, UnitKind
from agencies.models import Agency
from agencies.tests.factories import LAST_DAY_BEFORE_REFORM, REFORM_DAY, make_agency, make_unit, make_user
from procedures.permissions import DOJ_EDITORS_GROUP, REVIEWERS_GROUP, add_agency_editor

pytestmark = pytest.mark.django_db

AGENCIES = reverse("wagtailsnippets_agencies_agency:list")
UNITS = reverse("wagtailsnippets_agencies_administrativeunit:list")


@pytest.fixture
def structure():
    """Tây Ninh after the reform, Long An before it, with successors."""
    tay_ninh = make_unit("Tỉnh Tây Ninh", UnitKind.PROVINCE, code="80", valid_from=REFORM_DAY)
    long_an = make_unit(
        "Tỉnh Long An", UnitKind.PROVINCE, code="80-LA", valid_to=LAST_DAY_BEFORE_REFORM, successor=tay_ninh
    )
    phuong_long_an = make_unit("Phường Long An", parent=tay_ninh, code="27694", valid_from=REFORM_DAY)
    tan_an = make_unit(
        "Thành phố Tân An",
        UnitKind.DISTRICT,
        code="794",
        parent=long_an,
        valid_to=LAST_DAY_BEFORE_REFORM,
        successor=phuong_long_an,
    )
    ubnd = make_agency("Ủy ban nhân dân tỉnh Tây Ninh", kind=AgencyKind.PEOPLES_COMMITTEE, unit=tay_ninh)
    so_xd = make_agency("Sở Xây dựng tỉnh Tây Ninh", parent=ubnd, unit=tay_ninh, valid_from=REFORM_DAY)
    so_xd_la = make_agency(
        "Sở Xây dựng tỉnh Long An", unit=long_an, valid_to=LAST_DAY_BEFORE_REFORM, successor=so_xd
    )
    ubnd_xa = make_agency(
        "Ủy ban nhân dân phường Long An", kind=AgencyKind.PEOPLES_COMMITTEE, unit=phuong_long_an
    )
    return locals()


@pytest.fixture
def doj_client(client):
    client.force_login(make_user("bientap.stp", DOJ_EDITORS_GROUP))
    return client


def names_in(response) -> str:
    assert response.status_code == 200
    return response.content.decode()


def listed(response) -> set[str]:
    """Names of the rows the listing shows (other columns, such as successors, may repeat names)."""
    assert response.status_code == 200
    return {str(obj) for obj in response.context["object_list"]}


def test_agency_listing_renders_with_periods_and_successors(doj_client, structure):
    html = names_in(doj_client.get(AGENCIES))
    assert "Sở Xây dựng tỉnh Long An" in html
    assert "30/06/2025" in html  # the end of its period
    assert "Ủy ban nhân dân phường Long An" in html


@pytest.mark.engine
def test_agency_search(doj_client, structure):
    html = listed(doj_client.get(AGENCIES, {"q": "xây dựng"}))
    assert "Sở Xây dựng tỉnh Tây Ninh" in html
    assert "Ủy ban nhân dân phường Long An" not in html


def test_agency_filter_by_kind(doj_client, structure):
    html = listed(doj_client.get(AGENCIES, {"kind": AgencyKind.PEOPLES_COMMITTEE}))
    assert "Ủy ban nhân dân phường Long An" in html
    assert "Sở Xây dựng tỉnh Tây Ninh" not in html


def test_agency_filter_active_on_a_date(doj_client, structure):
    before = listed(doj_client.get(AGENCIES, {"active_on": "2025-06-30"}))
    assert "Sở Xây dựng tỉnh Long An" in before
    assert "Sở Xây dựng tỉnh Tây Ninh" not in before
    after = listed(doj_client.get(AGENCIES, {"active_on": "2025-07-01"}))
    assert "Sở Xây dựng tỉnh Long An" not in after
    assert "Sở Xây dựng tỉnh Tây Ninh" in after


def test_agency_filter_by_state(doj_client, structure):
    ended = listed(doj_client.get(AGENCIES, {"state": "ended"}))
    assert "Sở Xây dựng tỉnh Long An" in ended
    assert "Sở Xây dựng tỉnh Tây Ninh" not in ended


def test_agency_filter_by_parent(doj_client, structure):
    html = listed(doj_client.get(AGENCIES, {"parent": structure["ubnd"].pk}))
    assert "Sở Xây dựng tỉnh Tây Ninh" in html
    assert "Sở Xây dựng tỉnh Long An" not in html


def test_unit_listing_search_and_filters(doj_client, structure):
    assert "Thành phố Tân An" in names_in(doj_client.get(UNITS))
    html = listed(doj_client.get(UNITS, {"kind": UnitKind.DISTRICT}))
    assert "Thành phố Tân An" in html and "Phường Long An" not in html
    html = listed(doj_client.get(UNITS, {"active_on": "2025-07-01"}))
    assert "Phường Long An" in html and "Thành phố Tân An" not in html
    html = listed(doj_client.get(UNITS, {"parent": structure["long_an"].pk}))
    assert "Thành phố Tân An" in html and "Phường Long An" not in html
    html = listed(doj_client.get(UNITS, {"q": "27694"}))
    assert "Phường Long An" in html and "Thành phố Tân An" not in html


def test_doj_editor_edits_an_agency_with_successor(doj_client, structure):
    agency = structure["so_xd_la"]
    url = reverse("wagtailsnippets_agencies_agency:edit", args=[agency.pk])
    assert doj_client.get(url).status_code == 200
    response = doj_client.post(
        url,
        {
            "name": agency.name,
            "short_name": "SXD LA",
            "slug": agency.slug,
            "kind": agency.kind,
            "code": "",
            "parent": "",
            "unit": structure["long_an"].pk,
            "valid_from": "",
            "valid_to": "2025-06-30",
            "successor": structure["so_xd"].pk,
            "address": "",
            "phone": "",
            "email": "",
            "website": "",
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    agency.refresh_from_db()
    assert agency.short_name == "SXD LA"
    assert agency.successor == structure["so_xd"]


def test_agency_export_csv(doj_client, structure):
    response = doj_client.get(AGENCIES, {"export": "csv"})
    assert response.status_code == 200
    body = b"".join(response.streaming_content).decode()
    assert "Tên cơ quan" in body.splitlines()[0]
    assert "Sở Xây dựng tỉnh Long An" in body


def test_agency_editor_and_reviewer_see_but_cannot_change_reference_data(client, structure):
    editor = make_user("bientap.sxd")
    add_agency_editor(user=editor, agency=structure["so_xd"])
    reviewer = make_user("nguoiduyet", REVIEWERS_GROUP)
    for user in (editor, reviewer):
        client.force_login(user)
        assert "Sở Xây dựng tỉnh Long An" in listed(client.get(AGENCIES, {"kind": AgencyKind.DEPARTMENT}))
        assert client.get(UNITS).status_code == 200
        response = client.get(reverse("wagtailsnippets_agencies_agency:add"))
        assert response.status_code in (302, 403)
        count = Agency.objects.count()
        client.post(
            reverse("wagtailsnippets_agencies_agency:add"), {"name": "Cơ quan lạ", "slug": "co-quan-la"}
        )
        assert Agency.objects.count() == count


def test_anonymous_is_sent_to_login(client, structure):
    response = client.get(AGENCIES)
    assert response.status_code == 302
    assert "login" in response["Location"]
