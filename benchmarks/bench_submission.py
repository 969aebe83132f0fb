"""Complete online submissions per second, each with two small uploads (a PDF and a PNG).

Measured through Django's test client, i.e. the whole request stack without a network: sign-in
session, the wizard's 4 POSTs (applicant, procedure step, uploads with content inspection and
image re-encoding, review + submit with the dossier transaction and code allocation), the after-
commit e-mail task (immediate backend, locmem outbox). Virus scanning is off (VIRUS_SCANNER=none)
in the main figures; when Debian's clamd is installed, the sequential run is repeated with every
upload scanned by a real clamd (local test signature, no downloaded database: a production clamd
with the full database is slower per file).

Usage: .venv/bin/python benchmarks/bench_submission.py [N]
Also measures the service layer alone (open_draft, 2 × save_upload, submit_draft).
Runs on SQLite (temporary file) and, when PostgreSQL 15 binaries exist, on a throwaway
PostgreSQL cluster (tests/scripts/with-postgres.sh), sequentially and with 4 parallel clients.
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


EICAR = b"X5O!P%@AP[4\\PZX54(P^)7CC)7}$" + b"EICAR-STANDARD-ANTIVIRUS-TEST-FILE!" + b"$H+H*"


def start_clamd(folder: Path):
    """A real clamd with one local signature (as in the tests); returns (process, socket) or None."""
    binary = "/usr/sbin/clamd" if os.access("/usr/sbin/clamd", os.X_OK) else shutil.which("clamd")
    if not binary:
        return None
    database = folder / "db"
    database.mkdir()
    (database / "bench.ndb").write_text(f"Bench-EICAR:0:*:{EICAR.hex()}\n")
    sock = folder / "clamd.sock"
    (folder / "clamd.conf").write_text(
        f"LocalSocket {sock}\nDatabaseDirectory {database}\nForeground yes\nStreamMaxLength 25M\n"
    )
    process = subprocess.Popen(
        [binary, f"--config-file={folder / 'clamd.conf'}"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.STDOUT,
    )
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline and process.poll() is None:
        if sock.exists():
            return process, str(sock)
        time.sleep(0.2)
    process.terminate()
    return None


def outer(n: int) -> int:
    status = 0
    with tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ, DATABASE_URL=f"sqlite:///{tmp}/bench.sqlite3")
        clamd = start_clamd(Path(tmp))
        if clamd is None:
            print("clamd not installed: runs with virus scanning skipped")
        else:
            env["BENCH_CLAMD_SOCKET"] = clamd[1]
        try:
            status |= subprocess.run(
                [sys.executable, __file__, "--inner", str(n)], cwd=ROOT, env=env
            ).returncode
            if Path("/usr/lib/postgresql/15/bin/initdb").exists() or shutil.which("initdb"):
                env.pop("DATABASE_URL")
                status |= subprocess.run(
                    ["bash", "tests/scripts/with-postgres.sh", sys.executable, __file__, "--inner", str(n)],
                    cwd=ROOT,
                    env=env,
                ).returncode
            else:
                print("PostgreSQL not installed: skipped")
        finally:
            if clamd is not None:
                clamd[0].terminate()
                clamd[0].wait(timeout=30)
    return status


def inner(n: int) -> None:
    os.environ["DJANGO_SETTINGS_MODULE"] = "portal.settings.test"
    sys.path.insert(0, str(ROOT))
    url = os.environ["DATABASE_URL"]
    if url.startswith("postgres"):
        import psycopg

        base, _slash, name = url.rpartition("/")
        with psycopg.connect(f"{base}/postgres", autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import setup_test_environment

    setup_test_environment()  # locmem e-mail, ALLOWED_HOSTS for the test client
    settings.PRIVATE_MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="bench-private-"))
    settings.DOSSIER_VIRUS_SCANNER = "none"
    call_command("migrate", verbosity=0)

    from dossiers.models import Dossier
    from dossiers.tests.factories import make_citizen, make_online_procedure
    from dossiers.tests.flow import complete_wizard

    procedure = make_online_procedure()

    def run(count: int, client: Client) -> list[float]:
        durations = []
        for _ in range(count):
            start = time.perf_counter()
            response = complete_wizard(client, procedure)
            durations.append(time.perf_counter() - start)
            assert response.status_code == 302, response.status_code
        return durations

    warm = Client()
    warm.force_login(make_citizen())
    run(3, warm)

    client = Client()
    client.force_login(make_citizen())
    before = Dossier.objects.count()
    start = time.perf_counter()
    durations = run(n, client)
    elapsed = time.perf_counter() - start
    assert Dossier.objects.count() - before == n
    label = f"{connection.vendor} {connection.Database.sqlite_version if connection.vendor == 'sqlite' else ''}".strip()
    print(
        f"{label:>18}: {n} submissions in {elapsed:.2f} s = {n / elapsed:.1f} submissions/s sequential "
        f"(median {statistics.median(durations) * 1000:.0f} ms, p95 {sorted(durations)[int(len(durations) * 0.95) - 1] * 1000:.0f} ms)",
        flush=True,
    )

    clamd_socket = os.environ.get("BENCH_CLAMD_SOCKET")
    if clamd_socket:
        settings.DOSSIER_VIRUS_SCANNER = "clamd"
        settings.CLAMD_SOCKET = clamd_socket
        start = time.perf_counter()
        scanned = run(n, client)
        elapsed = time.perf_counter() - start
        settings.DOSSIER_VIRUS_SCANNER = "none"
        from dossiers.models import DossierFile

        assert DossierFile.objects.filter(scan_status="clean").count() == 2 * n  # really scanned
        print(
            f"{label:>18}: {n} submissions in {elapsed:.2f} s = {n / elapsed:.1f} submissions/s sequential, "
            f"both uploads scanned by clamd (median {statistics.median(scanned) * 1000:.0f} ms)",
            flush=True,
        )

    # The service layer alone (no HTTP, no templates): draft, two inspected uploads, submit.
    from django.core.files.uploadedfile import SimpleUploadedFile

    from dossiers.services.drafts import open_draft, save_upload
    from dossiers.services.submission import AnswerData, submit_draft
    from dossiers.tests.factories import pdf_bytes, png_bytes

    user = make_citizen()
    answers = [AnswerData("buoc-1", "Bước 1", "ten_ho", "Tên hộ", "text", "Tạp hóa", "Tạp hóa")]
    applicant = {"full_name": "Lê Văn Tám", "phone": "0912345678", "email": "tam@example.vn"}
    start = time.perf_counter()
    for _ in range(n):
        draft = open_draft(user=user, form=procedure.online_form)
        slots = draft.form_version.schema["uploads"]
        save_upload(draft=draft, slot=slots[0], uploaded=SimpleUploadedFile("a.pdf", pdf_bytes()))
        save_upload(draft=draft, slot=slots[1], uploaded=SimpleUploadedFile("b.png", png_bytes()))
        submit_draft(draft=draft, answers=answers, applicant=applicant)
    elapsed = time.perf_counter() - start
    print(
        f"{label:>18}: {n} submissions in {elapsed:.2f} s = {n / elapsed:.1f} submissions/s sequential, service layer only",
        flush=True,
    )

    if connection.vendor == "postgresql":
        workers = 4
        clients = []
        for _ in range(workers):
            c = Client()
            c.force_login(make_citizen())
            clients.append(c)
        errors: list[BaseException] = []

        def work(c):
            try:
                run(n // workers, c)
            except BaseException as exc:  # reported below
                errors.append(exc)
            finally:
                from django.db import connections

                connections.close_all()

        threads = [threading.Thread(target=work, args=(c,)) for c in clients]
        start = time.perf_counter()
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        elapsed = time.perf_counter() - start
        total = (n // workers) * workers
        codes = list(Dossier.objects.values_list("code", flat=True))
        assert not errors, errors
        assert len(codes) == len(set(codes))
        print(
            f"{label:>18}: {total} submissions in {elapsed:.2f} s = {total / elapsed:.1f} submissions/s with {workers} threads (2 cores)",
            flush=True,
        )
    shutil.rmtree(settings.PRIVATE_MEDIA_ROOT, ignore_errors=True)


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--inner":
        inner(int(sys.argv[2]))
    else:
        sys.exit(outer(int(sys.argv[1]) if len(sys.argv) > 1 else 100))
