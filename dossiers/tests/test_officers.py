"""Who sees which dossiers and who may do what: every role, own unit and another unit; the
append-only history, notes and file-access log."""

import pytest
from django.contrib.auth import get_user_model
from django.db.models import ProtectedError

from dossiers import lifecycle
from dossiers.access import can_view, visible_dossiers
from dossiers.constants import Action, DossierStatus, OfficerRole
from dossiers.lifecycle import allowed_actions, perform
from dossiers.models import (
    OFFICERS_GROUP,
    AppendOnlyError,
    Dossier,
    DossierNote,
    FileAccess,
    OfficerAssignment,
    StatusChange,
)
from dossiers.transitions import ROLE_ACTIONS, ROLE_STATUS_LIMITS, TRANSITIONS, TransitionRefused

from .factories import make_citizen
from .officers import action_data, make_agency, make_dossier, make_officer

S, A, R = DossierStatus, Action, OfficerRole


@pytest.fixture
def units(procedure):
    """Centre X receives; agency Y decides; unit Z is elsewhere. Dossier d_xy: received by X,
    handled by Y; d_zz: received and handled by Z."""
    x, y, z = make_agency("Trung tâm X"), make_agency("Sở Y"), make_agency("UBND xã Z")
    return {
        "x": x,
        "y": y,
        "z": z,
        "xy": make_dossier(procedure=procedure, receiving=x, competent=y),
        "zz": make_dossier(procedure=procedure, receiving=z, competent=z),
    }


VISIBILITY = [
    # (role, agency key, sees d_xy, sees d_zz)
    (R.RECEPTION, "x", True, False),
    (R.RECEPTION, "y", False, False),
    (R.PROCESSING, "y", True, False),
    (R.PROCESSING, "x", False, False),
    (R.LEADER, "y", True, False),
    (R.LEADER, "x", False, False),
    (R.ADMIN, "x", True, False),
    (R.ADMIN, "y", True, False),
    (R.ADMIN, "z", False, True),
    (R.ADMIN, None, True, True),
]


@pytest.mark.django_db
@pytest.mark.parametrize("role,unit,sees_xy,sees_zz", VISIBILITY)
def test_visibility_by_role_and_unit(units, role, unit, sees_xy, sees_zz):
    officer = make_officer((role, units[unit] if unit else None))
    visible = set(visible_dossiers(officer).values_list("code", flat=True))
    assert (units["xy"].code in visible, units["zz"].code in visible) == (sees_xy, sees_zz)
    assert can_view(officer, units["xy"]) is sees_xy and can_view(officer, units["zz"]) is sees_zz


@pytest.mark.django_db
def test_citizens_anonymous_inactive_and_superusers(units):
    from django.contrib.auth.models import AnonymousUser

    owner = units["xy"].user
    assert not visible_dossiers(owner).exists() and not can_view(owner, units["xy"])
    assert not visible_dossiers(AnonymousUser()).exists()
    inactive = make_officer((R.ADMIN, None))
    OfficerAssignment.objects.filter(user=inactive).update(active=False)
    assert not visible_dossiers(inactive).exists()
    root = make_officer(is_superuser=True)
    assert visible_dossiers(root).count() == 2


@pytest.mark.django_db
def test_assignment_opens_the_admin_and_needs_an_agency_unless_admin(units):
    officer = make_officer((R.RECEPTION, units["x"]))
    assert officer.groups.filter(name=OFFICERS_GROUP).exists()
    officer = type(officer).objects.get(pk=officer.pk)
    assert officer.has_perm("wagtailadmin.access_admin")
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        OfficerAssignment(user=officer, role=R.PROCESSING, agency=None).full_clean()


def _cases():
    """(role, status, action, allowed in own unit) for every officer action legal somewhere."""
    cases = []
    for (status, action), _target in TRANSITIONS.items():
        if action in (A.SUPPLY, A.REQUEST_WITHDRAWAL):
            continue
        for role in R.values:
            limit = ROLE_STATUS_LIMITS.get((role, action))
            allowed = action in ROLE_ACTIONS[role] and (limit is None or status in limit)
            cases.append((role, status, action, allowed))
    return cases


CASES = _cases()
X, Y, Z = 1, 2, 3  # agency ids, in memory


def _memory_officer(role, agency_id, pk):
    user = get_user_model()(pk=pk, username=f"can-bo-{pk}")
    user._officer_assignments_cache = [OfficerAssignment(user=user, role=role, agency_id=agency_id)]
    return user


@pytest.mark.parametrize("role,status,action,allowed", CASES, ids=lambda v: str(v))
def test_each_role_may_act_only_as_allowed_and_only_in_its_units(role, status, action, allowed):
    """In memory: the role matrix for a dossier received by X and handled by Y."""
    dossier = Dossier(status=status, user_id=999, receiving_unit_id=X, competent_agency_id=Y)
    own = X if role == R.RECEPTION else Y
    stranger = _memory_officer(role, Z, 1)
    assert not lifecycle._user_may(stranger, dossier, action, status)
    officer = _memory_officer(role, own, 2)
    assert lifecycle._user_may(officer, dossier, action, status) is allowed


@pytest.mark.django_db
@pytest.mark.parametrize("status", sorted({c[1] for c in CASES}, key=int))
def test_each_role_acts_only_as_allowed_and_only_in_its_units(status, procedure):
    """Through the real perform(): every (role, action) of the matrix in this status."""
    x, y, z = make_agency("Trung tâm X"), make_agency("Sở Y"), make_agency("UBND xã Z")
    cases = [c for c in CASES if c[1] == status]
    assert cases
    for role, _status, action, allowed in cases:
        case = (role, action)
        dossier = make_dossier(procedure=procedure, status=status, receiving=x, competent=y)
        own = x if role == R.RECEPTION else y
        stranger = make_officer((role, z))
        with pytest.raises(TransitionRefused) as refused:
            perform(dossier, action, actor=stranger, **action_data(action, dossier=dossier))
        assert refused.value.code == "permission", case
        assert action not in allowed_actions(dossier, stranger), case
        officer = make_officer((role, own))
        assert (action in allowed_actions(dossier, officer)) is allowed, case
        if allowed:
            change = perform(dossier, action, actor=officer, **action_data(action, dossier=dossier))
            assert change.actor == officer, case
        else:
            with pytest.raises(TransitionRefused) as refused:
                perform(dossier, action, actor=officer, **action_data(action, dossier=dossier))
            assert refused.value.code == "permission", case
            dossier.refresh_from_db()
            assert dossier.status == status, case


# --- Append-only ------------------------------------------------------------------------------------
@pytest.mark.django_db
def test_history_is_append_only(units):
    change = StatusChange.objects.filter(dossier=units["xy"]).first()
    change.note = "sửa lại"
    with pytest.raises(AppendOnlyError):
        change.save()
    with pytest.raises(AppendOnlyError):
        change.delete()
    with pytest.raises(AppendOnlyError):
        StatusChange.objects.filter(pk=change.pk).update(note="x")
    with pytest.raises(AppendOnlyError):
        StatusChange.objects.all().delete()
    with pytest.raises(ProtectedError):
        units["xy"].delete()  # a dossier with a history is never deleted
    assert StatusChange.objects.get(pk=change.pk).note == "Nộp trực tuyến"  # as the builder wrote it


@pytest.mark.django_db
def test_notes_and_file_accesses_are_append_only(units):
    officer = make_officer((R.ADMIN, None))
    note = DossierNote.objects.create(dossier=units["xy"], author=officer, text="Đã gọi điện cho công dân")
    with pytest.raises(AppendOnlyError):
        note.save()
    with pytest.raises(AppendOnlyError):
        DossierNote.objects.filter(pk=note.pk).delete()
    perform(units["xy"], A.ACCEPT, actor=officer)
    perform(units["xy"], A.START, actor=officer)
    perform(units["xy"], A.FINISH, actor=officer, **action_data(A.FINISH))
    result = units["xy"].files.get()
    access = FileAccess.objects.create(file=result, dossier=units["xy"], user=officer, as_officer=True)
    with pytest.raises(AppendOnlyError):
        access.delete()
    with pytest.raises(AppendOnlyError):
        FileAccess.objects.filter(pk=access.pk).update(as_officer=False)


@pytest.mark.django_db
def test_owner_is_not_an_officer(units):
    citizen = make_citizen()
    dossier = make_dossier(user=citizen, receiving=units["x"], competent=units["y"])
    assert allowed_actions(dossier, citizen) == [A.REQUEST_WITHDRAWAL]
