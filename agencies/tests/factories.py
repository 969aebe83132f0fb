"""Small builders for agencies, units and editorial users (plain functions: tests read top to bottom)."""

import datetime
import itertools

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from agencies.constants import AgencyKind, UnitKind
from agencies.models import AdministrativeUnit, Agency

_seq = itertools.count(1)

REFORM_DAY = datetime.date(2025, 7, 1)
LAST_DAY_BEFORE_REFORM = datetime.date(2025, 6, 30)


def make_agency(name: str, **fields) -> Agency:
    fields.setdefault("slug", f"co-quan-{next(_seq)}")
    fields.setdefault("kind", AgencyKind.DEPARTMENT)
    return Agency.objects.create(name=name, **fields)


def make_unit(name: str, kind: str = UnitKind.COMMUNE, **fields) -> AdministrativeUnit:
    fields.setdefault("code", f"T{next(_seq):05d}")
    return AdministrativeUnit.objects.create(name=name, kind=kind, **fields)


def make_user(username: str, *groups: str | Group, **fields):
    user = get_user_model().objects.create_user(username=username, password="x", **fields)
    for group in groups:
        user.groups.add(group if isinstance(group, Group) else Group.objects.get(name=group))
    return user
