"""Complete online submissions per second over HTTP (issue 18, item 5): gunicorn with
deploy/gunicorn.conf.py (2 workers, production settings), PostgreSQL (a throwaway cluster, with the
connection pool), Redis for the cache and the task queue (the e-mails wait there for the worker, which
does not run during the measurement), no virus scanning; then the same with every upload scanned by a
real clamd (one local signature) when Debian's clamd is installed.

One submission is every request of the wizard, as a browser sends them: the form (GET), the applicant
step, the form's own step, the two uploads (a small PDF and a PNG) and the review with the declaration;
the last answer is the redirect to the receipt. Each client is a signed-in citizen (a session made
beforehand: signing in is not part of a submission) with its own keep-alive connection.

Printed: submissions per second, the median and p95 time of one submission, and the CPU milliseconds
per submission spent by gunicorn's workers, by PostgreSQL and by this client (all on the same 2 cores),
read from /proc.

Usage: .venv/bin/python benchmarks/bench_submit_http.py [--submissions 300] [--clients 8]
(it runs itself against a throwaway PostgreSQL cluster through tests/scripts/with-postgres.sh)
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = str(ROOT / ".venv" / "bin" / "python")
sys.path.insert(0, str(ROOT))

from benchmarks.bench_pages import cpu_seconds, free_port, program, workers_of  # noqa: E402
from benchmarks.bench_submission import start_clamd  # noqa: E402

SETUP = """
import json
from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.sessions.backends.db import SessionStore
settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # setup speed only
from dossiers.tests.factories import make_citizen, make_online_procedure
from dossiers.tests.flow import first_commune
procedure = make_online_procedure()
sessions = []
for _ in range({clients}):
    user = make_citizen()
    store = SessionStore()
    store[SESSION_KEY] = str(user.pk)
    store[BACKEND_SESSION_KEY] = "accounts.backends.EmailOrPhoneBackend"
    store[HASH_SESSION_KEY] = user.get_session_auth_hash()
    store.create()
    sessions.append(store.session_key)
slots = [slot.pk for slot in procedure.online_form.upload_slots.order_by("sort_order")]
print("BENCH" + json.dumps({{"code": procedure.code, "slots": slots, "sessions": sessions,
                            "commune": first_commune("80")}}))
"""


def postgres_cpu() -> float:
    """CPU seconds of every PostgreSQL process of the throwaway cluster (run as user pgtest)."""
    total = 0.0
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            if (entry / "comm").read_text().strip() != "postgres":
                continue
        except OSError:
            continue
        total += cpu_seconds([int(entry.name)])
    return total


class Citizen:
    """One signed-in citizen's browser: its cookies and one keep-alive connection."""

    def __init__(self, port: int, session: str, setup: dict):
        import requests

        self.base = f"http://127.0.0.1:{port}"
        self.http = requests.Session()
        self.http.headers.update({"Host": "localhost", "Accept-Language": "vi"})
        self.cookies = {"sessionid": session}
        self.setup = setup

    def _send(self, method: str, path: str, **kwargs):
        header = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        response = self.http.request(
            method, self.base + path, headers={"Cookie": header}, allow_redirects=False, timeout=120, **kwargs
        )
        # Production cookies are Secure (HTTPS behind nginx): kept here by hand over plain HTTP.
        for cookie in response.raw.headers.getlist("Set-Cookie"):
            name, _eq, rest = cookie.partition("=")
            self.cookies[name.strip()] = rest.split(";", 1)[0]
        return response

    def submit(self, pdf: bytes, png: bytes) -> None:
        from dossiers.tests.flow import APPLICANT, BUSINESS

        url = f"/ho-so/nop/{self.setup['code']}/"
        first = self._send("GET", url)
        if first.status_code != 200:
            raise SystemExit(f"GET {url}: HTTP {first.status_code}")
        commune = self.setup["commune"]

        def step(name: str, values: dict, files=None):
            data = {"nop_ho_so-current_step": name, "csrfmiddlewaretoken": self.cookies["csrftoken"]}
            data.update({f"{name}-{key}": value for key, value in values.items()})
            return self._send("POST", url, data=data, files=files)

        response = step("nguoi-nop", dict(APPLICANT, address__commune=commune))
        response = step("buoc-1", dict(BUSINESS, dia_diem__commune=commune))
        slots = self.setup["slots"]
        response = step(
            "giay-to",
            {},
            files=[
                (f"giay-to-slot-{slots[0]}", ("Giay de nghi.pdf", pdf, "application/pdf")),
                (f"giay-to-slot-{slots[1]}", ("hop-dong.png", png, "image/png")),
            ],
        )
        token = re.search(r'name="xac-nhan-submission_token" value="([0-9a-f-]+)"', response.text)
        if response.status_code != 200 or token is None:
            raise SystemExit(f"uploads step: HTTP {response.status_code}\n{response.text[:3000]}")
        done = step("xac-nhan", {"declaration": "on", "submission_token": token.group(1)})
        if done.status_code != 302:
            raise SystemExit(f"submit: HTTP {done.status_code}\n{done.text[:3000]}")


def run(port: int, setup: dict, total: int, clients: int, gunicorn_pid: int) -> dict:
    from dossiers.tests.factories import pdf_bytes, png_bytes

    pdf, png = pdf_bytes(), png_bytes()
    citizens = [Citizen(port, session, setup) for session in setup["sessions"][:clients]]
    for citizen in citizens:  # warm-up: the workers' first requests, the citizens' CSRF cookies
        citizen.submit(pdf, png)
    durations: list[float] = []
    remaining = [total]
    lock = threading.Lock()
    errors: list[BaseException] = []

    def work(citizen: Citizen):
        try:
            while True:
                with lock:
                    if remaining[0] <= 0:
                        return
                    remaining[0] -= 1
                started = time.perf_counter()
                citizen.submit(pdf, png)
                with lock:
                    durations.append(time.perf_counter() - started)
        except BaseException as error:  # reported below
            errors.append(error)

    workers = workers_of(gunicorn_pid)
    web_before, db_before, own_before = cpu_seconds(workers), postgres_cpu(), time.process_time()
    started = time.perf_counter()
    threads = [threading.Thread(target=work, args=(citizen,)) for citizen in citizens]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - started
    if errors:
        raise SystemExit(f"a submission failed: {errors[0]}")
    done = len(durations)
    durations.sort()
    return {
        "rate": done / elapsed,
        "median": statistics.median(durations) * 1000,
        "p95": durations[max(int(done * 0.95) - 1, 0)] * 1000,
        "web_cpu": (cpu_seconds(workers) - web_before) * 1000 / done,
        "db_cpu": (postgres_cpu() - db_before) * 1000 / done,
        "client_cpu": (time.process_time() - own_before) * 1000 / done,
        "done": done,
        "elapsed": elapsed,
    }


def inner(args) -> None:
    url = os.environ["DATABASE_URL"]
    import psycopg

    base, _slash, name = url.rpartition("/")
    with psycopg.connect(f"{base}/postgres", autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    folder = Path(tempfile.mkdtemp(prefix="portal-bench-submit-"))
    folder.chmod(0o755)
    web, redis_port = free_port(), free_port()
    log = folder / "gunicorn.log"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings.production",
        "SECRET_KEY": "bench-submit-" + "x" * 50,
        "ALLOWED_HOSTS": "localhost,127.0.0.1",
        "SECURE_SSL_REDIRECT": "false",
        "DATABASE_POOL": "1",
        "CACHE_URL": f"redis://127.0.0.1:{redis_port}/0",
        "TASKS_BACKEND": "rq",
        "TASKS_REDIS_URL": f"redis://127.0.0.1:{redis_port}/1",
        "VNPAY_HASH_SECRET": "bench-secret",
        "STATIC_ROOT": str(folder / "static"),
        "MEDIA_ROOT": str(folder / "media"),
        "PRIVATE_MEDIA_ROOT": str(folder / "private"),
        "SITE_BASE_URL": f"http://127.0.0.1:{web}",
        "GUNICORN_BIND": f"127.0.0.1:{web}",
        "GUNICORN_WORKERS": "2",
        "GUNICORN_LOG_LEVEL": "warning",
        "GUNICORN_MAX_REQUESTS": "0",
        "VIRUS_SCANNER": "none",
    }
    redis_server = program("redis-server")
    if not redis_server:
        raise SystemExit("redis-server is needed (apt-get install redis-server)")
    processes = [
        subprocess.Popen(
            [redis_server, "--port", str(redis_port), "--save", "", "--appendonly", "no"],
            stdout=subprocess.DEVNULL,
        )  # fmt: skip
    ]
    os.environ.update({k: v for k, v in env.items() if k != "GUNICORN_BIND"})
    import django

    django.setup()
    try:
        for command in (["migrate", "-v0"], ["collectstatic", "--noinput", "-v0"]):
            subprocess.run(
                [PYTHON, "manage.py", *command], cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL
            )
        output = subprocess.run(
            [PYTHON, "manage.py", "shell", "-c", SETUP.format(clients=max(args.clients, 1))],
            cwd=ROOT, env=env, check=True, capture_output=True, text=True,
        ).stdout  # fmt: skip
        setup = json.loads(output.split("BENCH", 1)[1])
        print(
            f"PostgreSQL, gunicorn 2 workers, {args.clients} clients, {args.submissions} submissions per run"
        )
        for label, extra in (("no virus scanning", {}), ("clamd", None)):
            if extra is None:
                clamd = start_clamd(folder / "clamd") if (folder / "clamd").mkdir() is None else None
                if clamd is None:
                    print("clamd: not installed (apt-get install clamav-daemon): not measured")
                    break
                processes.append(clamd[0])
                extra = {"VIRUS_SCANNER": "clamd", "CLAMD_SOCKET": clamd[1]}
            gunicorn = subprocess.Popen(
                [str(ROOT / ".venv" / "bin" / "gunicorn"), "--config", str(ROOT / "deploy" / "gunicorn.conf.py")],
                cwd=ROOT, env={**env, **extra}, stdout=subprocess.DEVNULL, stderr=log.open("ab"),
            )  # fmt: skip
            deadline = time.monotonic() + 120
            while time.monotonic() < deadline:
                try:
                    socket.create_connection(("127.0.0.1", web), timeout=1).close()
                    break
                except OSError:
                    time.sleep(0.3)
            time.sleep(1.0)
            load_before = os.getloadavg()[0]
            try:
                figures = run(web, setup, args.submissions, args.clients, gunicorn.pid)
            except SystemExit:
                print(log.read_text()[-4000:])
                raise
            finally:
                gunicorn.terminate()
                gunicorn.wait(timeout=30)
            print(
                f"{label:>18}: {figures['done']} in {figures['elapsed']:.1f} s = {figures['rate']:.1f} submissions/s; "
                f"one submission median {figures['median']:.0f} ms, p95 {figures['p95']:.0f} ms; CPU per submission: "
                f"gunicorn {figures['web_cpu']:.0f} ms, PostgreSQL {figures['db_cpu']:.0f} ms, client {figures['client_cpu']:.0f} ms; "
                f"load {load_before:.2f} before, {os.getloadavg()[0]:.2f} after",
                flush=True,
            )
    finally:
        for process in processes:
            process.terminate()
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
        shutil.rmtree(folder, ignore_errors=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--submissions", type=int, default=300)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--inner", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.inner:
        inner(args)
        return 0
    command = [
        sys.executable,
        __file__,
        "--inner",
        "--submissions",
        str(args.submissions),
        "--clients",
        str(args.clients),
    ]
    return subprocess.run(["bash", "tests/scripts/with-postgres.sh", *command], cwd=ROOT).returncode


if __name__ == "__main__":
    sys.exit(main())
