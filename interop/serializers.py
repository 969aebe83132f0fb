"""JSON shapes of API version 1 (plain dictionaries; described in openapi.json)."""

from __future__ import annotations

from django.urls import reverse

from dossiers.models import Dossier, DossierFile, StatusChange

__all__ = ["dossier_detail", "dossier_summary", "file_data", "status_change_data"]


def _iso(value):
    return value.isoformat() if value else None


def _unit(agency):
    if agency is None:
        return None
    return {"code": agency.code, "name": agency.name}


def dossier_summary(dossier: Dossier) -> dict:
    return {
        "code": dossier.code,
        "status": dossier.status,
        "status_label": str(dossier.get_status_display()),
        "procedure_code": dossier.procedure_code,
        "procedure_name": dossier.procedure_name,
        "receiving_unit": _unit(dossier.receiving_unit),
        "competent_agency": _unit(dossier.competent_agency),
        "submitted_at": _iso(dossier.submitted_at),
        "status_changed_at": _iso(dossier.status_changed_at),
        "due_date": _iso(dossier.appointment_date),
        "applicant_name": dossier.applicant_name,
        "url": reverse("interop:dossier", args=[dossier.code]),
    }


def status_change_data(change: StatusChange) -> dict:
    return {
        "from_status": change.from_status or None,
        "status": change.status,
        "status_label": str(change.get_status_display()),
        "action": change.action or None,
        "at": _iso(change.at),
        "reason": change.note,
        "by": change.who,
        "system": change.system or None,
    }


def file_data(upload: DossierFile) -> dict:
    return {
        "id": str(upload.pk),
        "purpose": upload.purpose,
        "component": upload.slot_label,
        "name": upload.original_name,
        "content_type": upload.content_type,
        "size": upload.size,
        "sha256": upload.sha256,
        "scan_status": upload.scan_status,
        "uploaded_at": _iso(upload.uploaded_at),
    }


def dossier_detail(dossier: Dossier) -> dict:
    data = dossier_summary(dossier)
    data.pop("url")
    data["applicant"] = {
        "name": dossier.applicant_name,
        "phone": dossier.applicant_phone,
        "email": dossier.applicant_email,
        "citizen_id": dossier.applicant_citizen_id,
        "address": dossier.applicant_address,
    }
    data["time_limit_rule"] = dossier.time_limit_rule
    data["answers"] = [
        {
            "step": a.step_title,
            "key": a.key,
            "label": a.label,
            "kind": a.kind,
            "value": a.value,
            "display": a.display,
        }
        for a in dossier.answers.all()
    ]
    data["files"] = [file_data(f) for f in dossier.files.all()]
    data["history"] = [status_change_data(c) for c in dossier.history.all()]
    return data
