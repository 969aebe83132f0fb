"""Level-2 completeness: the one definition, from Decree 63/2010/NĐ-CP Art. 8.

A procedure record is complete when it states: name, steps, method (submission channels),
dossier components, time limit, who may apply, implementing agency and result. Forms,
requirements and fees are required only "where they exist", so their absence is not a gap.
Used by the catalog's "incomplete records" list, the importer's report and the statistics.
"""

from django.utils.translation import gettext_lazy as _

__all__ = ["REQUIRED_FIELDS", "missing_fields", "missing_labels"]

REQUIRED_FIELDS = {
    "name": _("Tên thủ tục"),
    "steps": _("Trình tự thực hiện"),
    "channels": _("Cách thức thực hiện"),
    "components": _("Thành phần hồ sơ"),
    "time_limit": _("Thời hạn giải quyết"),
    "applicants": _("Đối tượng thực hiện"),
    "implementing_agency": _("Cơ quan thực hiện"),
    "result": _("Kết quả thực hiện"),
}


def _rows(manager):
    # Works for saved pages and for an unsaved cluster (modelcluster keeps children in memory).
    return list(manager.all())


def missing_fields(page) -> list[str]:
    """Keys of REQUIRED_FIELDS that `page` does not fill, in the order of the decree."""
    channels = _rows(page.channels)
    missing = []
    if not (page.official_name or page.title).strip():
        missing.append("name")
    if not page.steps.strip():
        missing.append("steps")
    if not channels:
        missing.append("channels")
    if not _rows(page.components):
        missing.append("components")
    if not any(c.time_limit_text.strip() for c in channels):
        missing.append("time_limit")
    if not page.applicants.strip():
        missing.append("applicants")
    if not (page.implementing_agency_id or page.implementing_agency_text.strip()):
        missing.append("implementing_agency")
    if not (_rows(page.results) or page.results_text.strip()):
        missing.append("result")
    return missing


def missing_labels(keys) -> str:
    """Labels (from REQUIRED_FIELDS) of the missing keys, in the decree's order."""
    return ", ".join(str(REQUIRED_FIELDS[key]) for key in REQUIRED_FIELDS if key in (keys or []))
