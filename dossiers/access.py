"""Who sees which dossiers as an officer (docs/backoffice.md): `visible_dossiers()` is the one query
every staff view and the API start from; `officer_roles()` the roles a user holds on one dossier;
read-only access to the dossiers transferred away from one's agency (liên thông)."""

from __future__ import annotations

from django.db.models import Exists, OuterRef, Q

from .constants import OfficerRole
from .models import Dossier, DossierTransfer, OfficerAssignment

__all__ = ["can_view", "officer_roles", "transferred_away", "transferred_from", "visible_dossiers"]


def _assignments(user) -> list[OfficerAssignment]:
    if not getattr(user, "is_authenticated", False):
        return []
    cached = getattr(user, "_officer_assignments_cache", None)
    if cached is None:
        cached = list(OfficerAssignment.objects.for_user(user))
        user._officer_assignments_cache = cached
    return cached


def _past_agencies(user) -> set[int]:
    """Agencies whose dossiers this user handled as processing officer, leader or admin: after a
    transfer (liên thông) they keep read-only access to what left them."""
    return {
        a.agency_id
        for a in _assignments(user)
        if a.agency_id is not None
        and a.role in (OfficerRole.PROCESSING, OfficerRole.LEADER, OfficerRole.ADMIN)
    }


def _transferred_q(agencies) -> Q:
    return Q(
        Exists(DossierTransfer.objects.filter(dossier=OuterRef("pk"), from_agency_id__in=sorted(agencies)))
    )


def transferred_away(user, queryset=None):
    """Dossiers transferred out of one of this user's agencies (read-only for them)."""
    queryset = Dossier.objects.all() if queryset is None else queryset
    agencies = _past_agencies(user)
    return queryset.filter(_transferred_q(agencies)) if agencies else queryset.none()


def transferred_from(user, dossier) -> bool:
    """Whether this dossier once left one of this user's agencies by transfer."""
    agencies = _past_agencies(user)
    return (
        bool(agencies)
        and DossierTransfer.objects.filter(dossier_id=dossier.pk, from_agency_id__in=agencies).exists()
    )


def visible_dossiers(user, queryset=None, *, include_transferred: bool = False):
    """The dossiers this user may see as an officer: reception roles reach their receiving units,
    processing and leader roles their competent agencies, admins both (all, without an agency);
    superusers see everything. Citizens' own dossiers are not included (Dossier.objects.owned_by).
    With `include_transferred`, also the dossiers transferred away from the user's agencies, which
    they may read but not act on (the work queue leaves them out; the dossier page shows them)."""
    queryset = Dossier.objects.all() if queryset is None else queryset
    if not getattr(user, "is_authenticated", False):
        return queryset.none()
    if user.is_superuser:
        return queryset
    receiving, competent = set(), set()
    for assignment in _assignments(user):
        if assignment.role == OfficerRole.ADMIN and assignment.agency_id is None:
            return queryset
        if assignment.role in (OfficerRole.RECEPTION, OfficerRole.ADMIN):
            receiving.add(assignment.agency_id)
        if assignment.role in (OfficerRole.PROCESSING, OfficerRole.LEADER, OfficerRole.ADMIN):
            competent.add(assignment.agency_id)
    if not receiving and not competent:
        return queryset.none()
    condition = Q()
    if receiving:
        condition |= Q(receiving_unit_id__in=sorted(receiving))
    if competent:
        condition |= Q(competent_agency_id__in=sorted(competent))
        if include_transferred:
            condition |= _transferred_q(competent)
    return queryset.filter(condition)


def officer_roles(user, dossier) -> set[str]:
    """The roles this user holds that reach this dossier (empty: not an officer of its units)."""
    if not getattr(user, "is_authenticated", False):
        return set()
    if user.is_superuser:
        return {OfficerRole.ADMIN}
    roles = set()
    for assignment in _assignments(user):
        if assignment.role == OfficerRole.ADMIN:
            if assignment.agency_id is None or assignment.agency_id in (
                dossier.receiving_unit_id,
                dossier.competent_agency_id,
            ):
                roles.add(OfficerRole.ADMIN)
        elif assignment.role == OfficerRole.RECEPTION:
            if assignment.agency_id == dossier.receiving_unit_id:
                roles.add(OfficerRole.RECEPTION)
        elif assignment.agency_id == dossier.competent_agency_id:
            roles.add(assignment.role)
    return roles


def can_view(user, dossier) -> bool:
    """As an officer (the owner's own access is `dossier.user_id == user.pk`): an officer of the
    dossier's units, or of an agency the dossier was transferred away from (read-only: no action
    is allowed to them, `officer_roles` is empty)."""
    return bool(officer_roles(user, dossier)) or transferred_from(user, dossier)
