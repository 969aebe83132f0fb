"""Public API of the demo app: `load_demo` fills an installation with the project's own demo data.

Order: administrative units (from `vietnam-provinces`), agencies, fields, the catalog index and the
editorial roles, the forms (PDF documents), the procedures and the home page (inside
`search.services.deferred_indexing()`), the demo online forms (`forms.demo.load_demo_forms`), and
the demo accounts, and the back office demo (officer roles and dossiers, demo/dossiers.py). Every step is idempotent and skips what has not changed.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field

from django.db import transaction

from .accounts import AccountResult, ensure_accounts
from .catalog import ensure_catalog_index, load_home, load_procedures
from .dossiers import load_demo_counter_dossiers, load_demo_dossiers
from .pdfforms import load_forms
from .reference import load_agencies, load_fields, load_units

__all__ = ["DemoReport", "load_demo"]


@dataclass
class DemoReport:
    steps: dict[str, dict] = field(default_factory=dict)
    accounts: list[AccountResult] = field(default_factory=list)
    online_forms: int = 0
    seconds: float = 0.0


def load_demo_signing() -> dict:
    """The demo certificate authority and one signing key per demo agency with a code, so that
    results are signed and toàn trình procedures are honoured (docs/signing.md); skipped where the
    demo CA is off (production settings)."""
    from django.conf import settings

    from signing.services import ensure_demo_keys

    if not settings.SIGNING_DEMO_CA:
        return {"skipped": 1}
    return {"issued": ensure_demo_keys()}


def load_demo(*, reset_passwords: bool = False, out: Callable[[str], None] | None = None) -> DemoReport:
    from forms.demo import load_demo_forms
    from procedures.permissions import setup_editorial_roles
    from roadmap.demo import load_demo_roadmap
    from search.services import deferred_indexing

    say = out or (lambda message: None)
    report = DemoReport()
    started = time.perf_counter()
    with transaction.atomic():
        report.steps["units"] = load_units()
        report.steps["agencies"] = load_agencies()
        report.steps["signing"] = load_demo_signing()  # before the catalog: levels need the keys
        report.steps["fields"] = load_fields()
        index = ensure_catalog_index()
        roles = setup_editorial_roles()
        report.steps["roles"] = {"workflow": roles.workflow.name, "catalog": roles.catalog_index_id}
        documents, report.steps["forms"] = load_forms(out=say)
        with deferred_indexing():
            pages, report.steps["procedures"] = load_procedures(index=index, documents=documents)
            report.steps["home"] = {"selections": load_home(pages=pages)}
    report.online_forms = load_demo_forms()
    with transaction.atomic():
        report.accounts = ensure_accounts(reset_passwords=reset_passwords)
    report.steps["roadmap"] = load_demo_roadmap()  # after the accounts: the monitor confirms its links
    report.steps["dossiers"] = load_demo_dossiers()
    report.steps["counter_dossiers"] = load_demo_counter_dossiers()
    report.seconds = time.perf_counter() - started
    return report
