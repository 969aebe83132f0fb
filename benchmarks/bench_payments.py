"""Payments per second through the VNPAY gateway simulator, over real HTTP.

A `manage.py runserver` serves the portal and its simulator on a free local port (SQLite, temporary
file). For each payment: the portal creates it (start_payment, signed redirect URL), the "browser"
(urllib) opens the simulator's page and approves; the simulator signs the result, calls the
portal's IPN over HTTP (verify, lock, paid, dossier confirmed through the lifecycle, receipt task)
and redirects back. Also: the IPN handler alone, in-process (verify + lock + apply + lifecycle).

Usage: .venv/bin/python benchmarks/bench_payments.py [N]   (default 40)
"""

from __future__ import annotations

import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def main(n: int) -> int:
    with tempfile.TemporaryDirectory() as tmp:
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        os.environ.update(
            DATABASE_URL=f"sqlite:///{tmp}/bench.sqlite3",
            SITE_BASE_URL=base,
            DJANGO_SETTINGS_MODULE="portal.settings.dev",
            PRIVATE_MEDIA_ROOT=f"{tmp}/private",
            EMAIL_URL="locmem://",
        )
        sys.path.insert(0, str(ROOT))
        import django

        django.setup()
        from django.core.management import call_command

        call_command("migrate", verbosity=0)
        server = subprocess.Popen(
            [sys.executable, "manage.py", "runserver", f"127.0.0.1:{port}", "--noreload"],
            cwd=ROOT,
            env=dict(os.environ),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            return run(n, base, server)
        finally:
            server.terminate()
            server.wait(timeout=30)


def run(n: int, base: str, server) -> int:
    deadline = time.monotonic() + 60
    while True:
        try:
            urllib.request.urlopen(base + "/thanh-toan/ipn/", timeout=2).read()
            break
        except OSError:
            if time.monotonic() > deadline or server.poll() is not None:
                print("the server did not start")
                return 1
            time.sleep(0.3)
    from payments.constants import PaymentStatus
    from payments.models import Payment
    from payments.services import handle_ipn, start_payment
    from payments.tests.helpers import dossier_owing, ipn_params

    # One payment at a time, as one citizen pays (the server is threaded: the simulator's IPN and the
    # return page's querydr are requests to the same server).
    opener = urllib.request.build_opener(urllib.request.HTTPRedirectHandler())
    dossiers = [dossier_owing(10000 + i) for i in range(n)]
    durations = []
    for dossier in dossiers:
        start = time.perf_counter()
        _payment, url = start_payment(
            dossier, client_ip="127.0.0.1", return_url=base + "/thanh-toan/ket-qua/"
        )
        parts = urllib.parse.urlsplit(url)
        params = dict(urllib.parse.parse_qsl(parts.query))
        page = opener.open(url, timeout=30).read()
        assert b"VND" in page
        body = urllib.parse.urlencode({**params, "ngan_hang": "NCB", "ket_qua": "approve"}).encode()
        opener.open(f"{parts.scheme}://{parts.netloc}{parts.path}", data=body, timeout=30).read()
        durations.append(time.perf_counter() - start)
    paid = Payment.objects.filter(status=PaymentStatus.PAID).count()
    print(f"end to end over HTTP: {n} payments, {paid} paid; {n / sum(durations):.1f} payments/s; "
          f"median {statistics.median(durations) * 1000:.0f} ms, p95 {sorted(durations)[int(0.95 * (n - 1))] * 1000:.0f} ms")  # fmt: skip

    # The IPN handler alone (in-process): verify, lock, apply, confirm the dossier. The e-mails (status
    # change, receipt with its PDF) are tasks a worker runs in production: recorded, not run, here;
    # the receipt PDF is timed on its own below.
    from django.test import override_settings

    items = []
    for i in range(n):
        payment, _url = start_payment(dossier_owing(20000 + i), client_ip="127.0.0.1", return_url=base + "/")
        items.append(ipn_params(payment))
    with override_settings(TASKS={"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}):
        start = time.perf_counter()
        answers = [handle_ipn(params)["RspCode"] for params in items]
        elapsed = time.perf_counter() - start
    assert answers == ["00"] * n, answers
    replay = time.perf_counter()
    assert all(handle_ipn(params)["RspCode"] == "02" for params in items)
    replay = time.perf_counter() - replay
    print(f"IPN handler alone: {n / elapsed:.1f} IPNs/s ({elapsed / n * 1000:.1f} ms each); "
          f"replayed IPNs refused: {n / replay:.1f}/s")  # fmt: skip
    from payments.receipts import render_payment_receipt_pdf

    paid_payments = list(Payment.objects.filter(status=PaymentStatus.PAID)[:10])
    start = time.perf_counter()
    for payment in paid_payments:
        assert render_payment_receipt_pdf(payment)[:4] == b"%PDF"
    print(
        f"receipt PDF (WeasyPrint, in the e-mail task): {(time.perf_counter() - start) / len(paid_payments) * 1000:.0f} ms each"
    )
    load = os.getloadavg()
    print(f"load average {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(int(sys.argv[1]) if len(sys.argv) > 1 else 40))
