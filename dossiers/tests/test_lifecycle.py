"""The lifecycle service: the transition table, every legal path, every illegal transition,
reasons, data, clock rules, files, e-mails after commit (docs/backoffice.md)."""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from dossiers import lifecycle
from dossiers.access import can_view, officer_roles, transferred_away, visible_dossiers
from dossiers.constants import Action, DossierStatus, FilePurpose, OfficerRole
from dossiers.lifecycle import allowed_actions, perform
from dossiers.models import (
    AppendOnlyError,
    Dossier,
    DossierFile,
    DossierTransfer,
    NotificationTemplate,
    OfficerAssignment,
    StatusChange,
)
from dossiers.notification_defaults import DEFAULTS
from dossiers.transitions import TRANSITIONS, TransitionRefused, next_status
from workdays.models import Holiday

from .factories import make_citizen
from .officers import action_data, make_agency, make_dossier, make_officer

S, A = DossierStatus, Action
TZ = ZoneInfo("Asia/Ho_Chi_Minh")

# The specification (docs/backoffice.md), written out independently of the code's table.
SPEC = {
    ("1", "accept"): "2", ("1", "refuse"): "3", ("1", "request_supplement"): "5", ("1", "request_withdrawal"): "7",
    ("2", "start"): "4", ("2", "request_supplement"): "5", ("2", "request_payment"): "6",
    ("2", "request_withdrawal"): "7", ("2", "stop"): "8", ("2", "transfer"): "2", ("2", "apologize"): "2",
    ("4", "request_supplement"): "5", ("4", "request_payment"): "6", ("4", "request_withdrawal"): "7",
    ("4", "stop"): "8", ("4", "finish"): "9", ("4", "transfer"): "4", ("4", "apologize"): "4",
    ("5", "supply"): "4", ("5", "request_withdrawal"): "7", ("5", "stop"): "8",
    ("6", "confirm_payment"): "4", ("6", "request_withdrawal"): "7", ("6", "stop"): "8", ("6", "apologize"): "6",
    ("7", "stop"): "8",
    ("9", "return"): "10",
}  # fmt: skip
ILLEGAL = [(s, a) for s in S.values for a in A.values if (s, a) not in SPEC]


def _actor(action, dossier, admin):
    return dossier.user if action in (A.SUPPLY, A.REQUEST_WITHDRAWAL) else admin


@pytest.fixture
def admin(db):
    return make_officer(("admin", None))


def test_the_table_is_the_documented_one():
    assert {(str(s), str(a)): str(t) for (s, a), t in TRANSITIONS.items()} == SPEC
    assert len(ILLEGAL) == 10 * 13 - len(SPEC)


def _in_memory(status):
    """A dossier in `status`, its owner and a province-wide admin: unsaved, the admin's role given in
    memory (no database)."""
    users = get_user_model()
    owner, admin = users(pk=10_001, username="chu-ho-so"), users(pk=10_002, username="quan-tri")
    owner._officer_assignments_cache = []
    admin._officer_assignments_cache = [OfficerAssignment(user=admin, role=OfficerRole.ADMIN, agency=None)]
    dossier = Dossier(status=status, user=owner, receiving_unit_id=1, competent_agency_id=1)
    return dossier, owner, admin


# --- The table, in memory: every transition, every illegal pair, every legal path ----------------
@pytest.mark.parametrize("key", sorted(SPEC), ids=lambda k: f"{k[0]}-{k[1]}")
def test_every_transition_leads_where_the_table_says_and_its_actor_may_do_it(key):
    from_status, action = key
    assert next_status(from_status, action) == SPEC[key]
    dossier, owner, admin = _in_memory(from_status)
    actor = _actor(action, dossier, admin)
    other = admin if actor is owner else owner
    assert lifecycle._user_may(actor, dossier, action, from_status)
    assert not lifecycle._user_may(other, dossier, action, from_status)
    if action == A.SUPPLY:  # back to reception when the supplement was asked for there
        assert next_status(from_status, action, supplement_asked_in=S.NEW) == S.NEW
        assert next_status(from_status, action, supplement_asked_in=S.PROCESSING) == SPEC[key]


@pytest.mark.parametrize("key", ILLEGAL, ids=lambda k: f"{k[0]}-{k[1]}")
def test_every_illegal_transition_is_refused_by_the_table(key):
    status, action = key
    with pytest.raises(TransitionRefused) as refused:
        next_status(status, action)
    assert refused.value.code == "transition" and "Không thể" in refused.value.message
    assert str(S(status).label) in refused.value.message and str(A(action).label) in refused.value.message
    dossier, _owner, _admin = _in_memory(status)
    assert (status, action) not in TRANSITIONS
    if status in ("3", "8", "10"):  # final: nothing is allowed, apology included
        assert allowed_actions(dossier) == []


# --- The same, through the real perform(): one database test per status ---------------------------
@pytest.mark.django_db
@pytest.mark.parametrize("from_status", sorted({s for s, _a in SPEC}, key=int))
def test_every_transition_records_history_and_mails_the_citizen(
    from_status, procedure, admin, django_capture_on_commit_callbacks
):
    actions = [a for s, a in sorted(SPEC) if s == from_status]
    assert actions
    for action in actions:
        key = (from_status, action)
        mail.outbox.clear()
        dossier = make_dossier(procedure=procedure, status=from_status)
        before = StatusChange.objects.filter(dossier=dossier).count()
        actor = _actor(action, dossier, admin)
        data = action_data(action, dossier=dossier)
        with django_capture_on_commit_callbacks(execute=True):
            change = perform(dossier, action, actor=actor, **data)
            assert mail.outbox == [], key  # not inside the transaction
        dossier.refresh_from_db()
        assert dossier.status == SPEC[key] == change.to_status, key
        assert StatusChange.objects.filter(dossier=dossier).count() == before + 1, key
        assert (change.from_status, change.action, change.actor, change.reason) == (
            from_status,
            action,
            actor,
            data.get("reason", ""),
        )
        assert change.actor_name and change.at is not None, key
        assert len(mail.outbox) == 1 and mail.outbox[0].to == ["tam@example.vn"], key
        assert dossier.code in mail.outbox[0].subject, key


@pytest.mark.django_db
@pytest.mark.parametrize("status", S.values)
def test_every_illegal_transition_is_refused(status, procedure, admin, django_capture_on_commit_callbacks):
    actions = [a for s, a in ILLEGAL if s == status]
    assert actions
    for action in actions:
        dossier = make_dossier(procedure=procedure, status=status)
        history = list(StatusChange.objects.filter(dossier=dossier).values_list("pk", flat=True))
        with django_capture_on_commit_callbacks(execute=True):
            with pytest.raises(TransitionRefused) as refused:
                perform(
                    dossier,
                    action,
                    actor=_actor(action, dossier, admin),
                    **action_data(action, dossier=dossier),
                )
        assert refused.value.code == "transition" and "Không thể" in refused.value.message, action
        dossier.refresh_from_db()
        assert dossier.status == status, action
        assert list(StatusChange.objects.filter(dossier=dossier).values_list("pk", flat=True)) == history
        assert mail.outbox == [] and not DossierFile.objects.filter(dossier=dossier).exists(), action
        # also refused for a connected system, which skips the role check
        with pytest.raises(TransitionRefused) as refused:
            perform(dossier, action, system="mot-cua-tinh", **action_data(action, dossier=dossier))
        assert refused.value.code == "transition", action


def _legal_paths():
    """Every path from 1 to a final status that takes no transition twice (a transition: from,
    action, to — supply after a supplement asked at reception goes back to 1), following the
    specification; loops such as 4 → 5 → 4 or 4 → 6 → 4 are walked once."""
    edges: dict[str, list] = {}
    for (source, action), target in SPEC.items():
        if source != target:
            edges.setdefault(source, []).append((action, target))
    paths = []

    def walk(status, at_reception, seen, path):
        if status not in edges:
            paths.append((path, status))
            return
        for action, target in edges[status]:
            flag = at_reception
            if action == "request_supplement":
                flag = status == "1"
            if action == "supply" and at_reception:
                target, flag = "1", False
            edge = (status, action, target)
            if edge not in seen:
                walk(target, flag, seen | {edge}, [*path, (action, target)])

    walk("1", False, frozenset(), [])
    return paths


LEGAL_PATHS = _legal_paths()


def _path_edges(path):
    status, edges = "1", set()
    for action, target in path:
        edges.add((status, action, target))
        status = target
    return edges


def _covering_paths(paths):
    """Few paths that together take every transition (each edge from, action, to) at least once."""
    missing = set().union(*(_path_edges(p) for p, _ in paths))
    chosen = []
    while missing:
        best = max(paths, key=lambda p: len(_path_edges(p[0]) & missing))
        chosen.append(best)
        missing -= _path_edges(best[0])
    return chosen


COVERING_PATHS = _covering_paths(LEGAL_PATHS)
_path_id = lambda p: "/".join(a for a, _ in p) if isinstance(p, list) else p  # noqa: E731


@pytest.mark.parametrize("path,final", LEGAL_PATHS, ids=_path_id)
def test_every_legal_path(path, final):
    """In memory: each step is allowed by the table from where the previous one left the dossier,
    and leads where the path says (a supply goes back to 1 when the supplement was asked at 1)."""
    status, asked_in = S.NEW, None
    for action, expected in path:
        assert (status, action) in TRANSITIONS
        status_after = next_status(status, action, supplement_asked_in=asked_in)
        assert status_after == expected
        if action == A.REQUEST_SUPPLEMENT:
            asked_in = status
        status = status_after
    dossier, _owner, _admin = _in_memory(status)
    assert status == final and allowed_actions(dossier) == []


@pytest.mark.django_db
@pytest.mark.parametrize("path,final", COVERING_PATHS, ids=_path_id)
def test_legal_paths_through_perform(path, final, procedure, admin):
    """The real perform(), on paths that together take every transition at least once."""
    dossier = make_dossier(procedure=procedure)
    for action, expected in path:
        change = perform(
            dossier, action, actor=_actor(action, dossier, admin), **action_data(action, dossier=dossier)
        )
        assert change.to_status == expected == dossier.status
    assert dossier.status == final and allowed_actions(dossier) == []
    history = list(StatusChange.objects.filter(dossier=dossier).order_by("at", "pk"))
    assert [h.action for h in history[1:]] == [a for a, _ in path]
    assert all(h.from_status == prev.status for prev, h in zip(history, history[1:], strict=False))


def test_the_database_paths_take_every_transition_and_reach_every_final_status():
    every_edge = set().union(*(_path_edges(p) for p, _ in LEGAL_PATHS))
    assert set().union(*(_path_edges(p) for p, _ in COVERING_PATHS)) == every_edge
    assert {(s, a) for s, a, _t in every_edge} == {k for k, t in SPEC.items() if k[0] != t}
    assert ("5", "supply", "1") in every_edge
    assert {final for _, final in COVERING_PATHS} == {"3", "8", "10"}


def test_there_are_many_legal_paths():
    assert len(LEGAL_PATHS) == 112  # counted when the table was written; changes with it
    assert {final for _, final in LEGAL_PATHS} == {"3", "8", "10"}


# --- Reasons and data ------------------------------------------------------------------------------
@pytest.mark.django_db
@pytest.mark.parametrize(
    "status,action", [("1", "refuse"), ("4", "stop"), ("4", "request_supplement"), ("4", "transfer")]
)
def test_reason_is_required(status, action, procedure, admin):
    dossier = make_dossier(procedure=procedure, status=status)
    data = action_data(action, dossier=dossier)
    data["reason"] = "   "
    with pytest.raises(TransitionRefused) as refused:
        perform(dossier, action, actor=admin, **data)
    assert refused.value.code == "reason" and "lý do" in refused.value.message.lower()
    dossier.refresh_from_db()
    assert dossier.status == status


@pytest.mark.django_db
def test_finish_needs_a_result_file_and_refuses_a_bad_one(procedure, admin):
    dossier = make_dossier(procedure=procedure, status=S.PROCESSING)
    with pytest.raises(TransitionRefused):
        perform(dossier, A.FINISH, actor=admin, result_files=[])
    with pytest.raises(TransitionRefused) as refused:
        perform(
            dossier, A.FINISH, actor=admin, result_files=[SimpleUploadedFile("x.exe", b"MZ\x90\x00" * 50)]
        )
    assert refused.value.code == "file"
    dossier.refresh_from_db()
    assert dossier.status == S.PROCESSING and not dossier.files.exists()
    change = perform(dossier, A.FINISH, actor=admin, **action_data(A.FINISH))
    result = dossier.files.get()
    assert (result.purpose, result.status_change, result.owner) == (FilePurpose.RESULT, change, admin)


@pytest.mark.django_db
def test_unknown_data_and_unknown_action_are_refused(procedure, admin):
    dossier = make_dossier(procedure=procedure)
    with pytest.raises(TransitionRefused) as refused:
        perform(dossier, A.ACCEPT, actor=admin, amount=5)
    assert refused.value.code == "data"
    with pytest.raises(TransitionRefused):
        perform(dossier, "approve", actor=admin)
    with pytest.raises(TransitionRefused):
        perform(dossier, A.ACCEPT)  # neither actor nor system


@pytest.mark.django_db
def test_accept_without_a_due_date_needs_one(procedure, admin):
    dossier = make_dossier(procedure=procedure)
    dossier.appointment_date = None
    dossier.save()
    with pytest.raises(TransitionRefused):
        perform(dossier, A.ACCEPT, actor=admin)
    due = timezone.localdate() + timedelta(days=10)
    change = perform(dossier, A.ACCEPT, actor=admin, due_date=due.isoformat())
    dossier.refresh_from_db()
    assert dossier.appointment_date == due and change.data["due_date"] == due.isoformat()


@pytest.mark.django_db
def test_payment_amount_is_checked(procedure, admin):
    dossier = make_dossier(procedure=procedure, status=S.PROCESSING)
    for bad in ("", "0", "abc", -5):
        with pytest.raises(TransitionRefused):
            perform(dossier, A.REQUEST_PAYMENT, actor=admin, amount=bad)
    change = perform(dossier, A.REQUEST_PAYMENT, actor=admin, amount="1.500.000")
    assert change.data["amount"] == 1_500_000


@pytest.mark.django_db
def test_transfer_moves_the_dossier_and_keeps_its_history(procedure, admin):
    first = make_agency("Phòng Kinh tế xã A")
    second = make_agency("Sở Tài chính")
    dossier = make_dossier(procedure=procedure, status=S.PROCESSING, competent=first)
    officer_first = make_officer(("processing", first))
    officer_second = make_officer(("processing", second))
    with pytest.raises(TransitionRefused):
        perform(dossier, A.TRANSFER, actor=officer_first, reason="Sai thẩm quyền", to_agency=first)
    change = perform(
        dossier, A.TRANSFER, actor=officer_first, reason="Thuộc thẩm quyền Sở", to_agency=second.pk
    )
    dossier.refresh_from_db()
    assert dossier.competent_agency == second and dossier.status == S.PROCESSING
    assert change.data["from_agency"] == first.pk and change.data["to_agency_name"] == "Sở Tài chính"
    assert A.FINISH not in allowed_actions(dossier, officer_first)
    with pytest.raises(TransitionRefused) as refused:
        perform(dossier, A.REQUEST_PAYMENT, actor=officer_first, amount=1000)
    assert refused.value.code == "permission"
    perform(dossier, A.REQUEST_PAYMENT, actor=officer_second, amount=1000)
    assert dossier.history.count() == 4  # submission, processing, transfer, payment
    # The agency it left keeps read-only access; nobody else gains any.
    transfer = DossierTransfer.objects.get(dossier=dossier)
    assert (transfer.change, transfer.from_agency, transfer.to_agency) == (change, first, second)
    assert can_view(officer_first, dossier) and officer_roles(officer_first, dossier) == set()
    assert allowed_actions(dossier, officer_first) == []
    assert dossier not in visible_dossiers(officer_first)
    assert dossier in visible_dossiers(officer_first, include_transferred=True)
    assert list(transferred_away(officer_first)) == [dossier]
    assert list(transferred_away(officer_second)) == []
    reception_first = make_officer(("reception", first))
    assert not can_view(reception_first, dossier)
    with pytest.raises(AppendOnlyError):
        transfer.delete()


# --- Apology ---------------------------------------------------------------------------------------
@pytest.mark.django_db
def test_apology_once_before_the_deadline_with_a_later_date(procedure, admin):
    today = timezone.localdate()
    dossier = make_dossier(procedure=procedure, status=S.PROCESSING, due=today + timedelta(days=2))
    with pytest.raises(TransitionRefused):
        perform(dossier, A.APOLOGIZE, actor=admin, reason="Xin lỗi", new_due_date=today + timedelta(days=1))
    with pytest.raises(TransitionRefused):
        perform(dossier, A.APOLOGIZE, actor=admin, reason="", new_due_date=today + timedelta(days=9))
    new_due = today + timedelta(days=9)
    change = perform(dossier, A.APOLOGIZE, actor=admin, reason="Cần xác minh thêm", new_due_date=new_due)
    assert (
        dossier.appointment_date == new_due
        and change.data["due_date_before"] == (today + timedelta(days=2)).isoformat()
    )
    assert A.APOLOGIZE not in allowed_actions(dossier)
    with pytest.raises(TransitionRefused) as refused:
        perform(dossier, A.APOLOGIZE, actor=admin, reason="Lần hai", new_due_date=new_due + timedelta(days=3))
    assert "một lần" in refused.value.message


@pytest.mark.django_db
def test_no_apology_after_the_deadline(procedure, admin):
    dossier = make_dossier(
        procedure=procedure, status=S.PROCESSING, due=timezone.localdate() - timedelta(days=1)
    )
    assert A.APOLOGIZE not in allowed_actions(dossier)
    with pytest.raises(TransitionRefused):
        perform(
            dossier,
            A.APOLOGIZE,
            actor=admin,
            reason="Muộn",
            new_due_date=timezone.localdate() + timedelta(days=5),
        )


# --- Clock rules -----------------------------------------------------------------------------------
@pytest.mark.django_db
def test_supplement_pause_moves_the_due_date_by_the_working_days_it_lasted(procedure, admin):
    # Wed 29 Apr 2026 → supply Tue 5 May 2026: 30/4 and 1/5 are holidays, 2–3/5 weekend, so the
    # pause lasted 2 working days (Mon 4, Tue 5).
    Holiday.objects.get_or_create(
        date=date(2026, 4, 30), defaults={"name": "Giải phóng miền Nam", "kind": "holiday"}
    )
    Holiday.objects.get_or_create(
        date=date(2026, 5, 1), defaults={"name": "Quốc tế Lao động", "kind": "holiday"}
    )
    dossier = make_dossier(
        procedure=procedure,
        status=S.PROCESSING,
        due=date(2026, 5, 12),
        submitted_at=datetime(2026, 4, 20, 9, tzinfo=TZ),
    )
    perform(
        dossier,
        A.REQUEST_SUPPLEMENT,
        actor=admin,
        reason="Bản sao sổ đỏ",
        now=datetime(2026, 4, 29, 10, tzinfo=TZ),
    )
    change = perform(
        dossier,
        A.SUPPLY,
        actor=dossier.user,
        now=datetime(2026, 5, 5, 15, tzinfo=TZ),
        **action_data(A.SUPPLY),
    )
    dossier.refresh_from_db()
    assert change.data["paused_working_days"] == 2
    assert dossier.appointment_date == date(2026, 5, 14) and dossier.status == S.PROCESSING
    supplement = dossier.files.get()
    assert supplement.purpose == FilePurpose.SUPPLEMENT and supplement.owner == dossier.user


@pytest.mark.django_db
def test_supplement_asked_at_reception_returns_to_reception_and_restarts_the_clock(procedure, admin):
    dossier = make_dossier(
        procedure=procedure,  # 3 working days
        due=date(2026, 3, 5),
        submitted_at=datetime(2026, 3, 2, 9, tzinfo=TZ),
    )
    perform(
        dossier,
        A.REQUEST_SUPPLEMENT,
        actor=admin,
        reason="Thiếu giấy đề nghị",
        now=datetime(2026, 3, 2, 14, tzinfo=TZ),
    )
    assert allowed_actions(dossier, dossier.user) == [A.SUPPLY, A.REQUEST_WITHDRAWAL]
    change = perform(
        dossier, A.SUPPLY, actor=dossier.user, now=datetime(2026, 3, 9, 8, tzinfo=TZ), **action_data(A.SUPPLY)
    )
    dossier.refresh_from_db()
    assert dossier.status == change.to_status == S.NEW and change.data["clock"] == "restarted"
    assert dossier.appointment_date == date(2026, 3, 12)  # Mon 9 Mar + 3 working days
    assert dossier.status_changed_at == datetime(2026, 3, 9, 8, tzinfo=TZ)


# --- Who may act ---------------------------------------------------------------------------------
@pytest.mark.django_db
def test_citizen_actions_only_by_the_owner(procedure, admin):
    dossier = make_dossier(procedure=procedure, status=S.SUPPLEMENT_REQUESTED)
    stranger = make_citizen()
    with pytest.raises(TransitionRefused) as refused:
        perform(dossier, A.SUPPLY, actor=stranger, **action_data(A.SUPPLY))
    assert refused.value.code == "permission"
    with pytest.raises(TransitionRefused):
        perform(dossier, A.SUPPLY, actor=admin, **action_data(A.SUPPLY))  # officers do not supply
    assert allowed_actions(dossier, dossier.user) == [A.SUPPLY, A.REQUEST_WITHDRAWAL]
    assert allowed_actions(dossier, stranger) == []
    # the owner cannot act as an officer
    with pytest.raises(TransitionRefused):
        perform(dossier, A.STOP, actor=dossier.user, reason="Tự dừng")
    perform(dossier, A.REQUEST_WITHDRAWAL, actor=dossier.user, reason="Không còn nhu cầu")
    assert dossier.status == S.WITHDRAWAL_REQUESTED


@pytest.mark.django_db
def test_a_system_may_act_and_is_recorded(procedure):
    dossier = make_dossier(procedure=procedure)
    change = perform(dossier, A.ACCEPT, system="motcua.tayninh.gov.vn")
    assert (change.system, change.actor, change.who) == (
        "motcua.tayninh.gov.vn",
        None,
        "motcua.tayninh.gov.vn",
    )


# --- E-mails ---------------------------------------------------------------------------------------
@pytest.mark.django_db
def test_email_uses_the_editable_template_and_waits_for_commit(
    procedure, admin, django_capture_on_commit_callbacks
):
    template = NotificationTemplate.objects.get(action=A.REFUSE)
    assert template.subject == DEFAULTS[A.REFUSE][0]  # loaded by the data migration
    template.subject = "Thông báo từ chối hồ sơ {{ dossier.code }}"
    template.body = "Lý do: {{ reason }} — {{ dossier_url }}"
    template.save()
    dossier = make_dossier(procedure=procedure)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        perform(dossier, A.REFUSE, actor=admin, reason="Sai thủ tục")
    assert mail.outbox == []
    for callback in callbacks:
        callback()
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.subject == f"Thông báo từ chối hồ sơ {dossier.code}"
    assert message.body.startswith("Lý do: Sai thủ tục — http") and f"/ho-so/{dossier.code}/" in message.body


@pytest.mark.django_db
def test_disabled_template_sends_nothing_and_a_refusal_sends_nothing(
    procedure, admin, django_capture_on_commit_callbacks
):
    NotificationTemplate.objects.filter(action=A.ACCEPT).update(enabled=False)
    dossier = make_dossier(procedure=procedure)
    with django_capture_on_commit_callbacks(execute=True):
        perform(dossier, A.ACCEPT, actor=admin)
    assert mail.outbox == []
    with django_capture_on_commit_callbacks(execute=True):
        with pytest.raises(TransitionRefused):
            perform(dossier, A.ACCEPT, actor=admin)
    assert mail.outbox == []


@pytest.mark.django_db
def test_allowed_actions_by_role_in_a_new_dossier(procedure):
    unit = make_agency()
    dossier = make_dossier(procedure=procedure, receiving=unit)
    reception = make_officer((OfficerRole.RECEPTION, unit))
    assert allowed_actions(dossier, reception) == [A.ACCEPT, A.REFUSE, A.REQUEST_SUPPLEMENT]
    assert allowed_actions(dossier) == [A.ACCEPT, A.REFUSE, A.REQUEST_SUPPLEMENT, A.REQUEST_WITHDRAWAL]


def test_acceptance_countdown_in_working_hours(procedure):
    from dossiers.clock import accept_deadline, working_hours_between

    # Friday 16:00 → 8 working hours later is Monday 16:00 (1 h Friday, then 7:30–11:30 and 13:00–16:00).
    dossier = make_dossier(procedure=procedure, submitted_at=datetime(2026, 3, 6, 16, tzinfo=TZ))
    deadline = accept_deadline(dossier)
    assert deadline == datetime(2026, 3, 9, 16, tzinfo=TZ)
    assert working_hours_between(datetime(2026, 3, 6, 16, tzinfo=TZ), deadline) == 8
    assert working_hours_between(datetime(2026, 3, 9, 12, tzinfo=TZ), deadline) == 3
    assert working_hours_between(datetime(2026, 3, 10, 8, tzinfo=TZ), deadline) == -(1 + 0.5)
