"""Public pages over HTTP (issue 18, item 3): gunicorn with deploy/gunicorn.conf.py (2 workers,
production settings, a temporary SQLite database with the demo data), alone and behind Varnish with
deploy/varnish/portal.vcl.

For each page: requests per second with 10 keep-alive connections for a few seconds, the gunicorn
workers' CPU milliseconds per request (from /proc), and the size of the HTML. The load generator is
Python threads on the same 2 cores, so the figures behind Varnish are bounded by the client, not by
Varnish; they are printed for comparison with the same client, not as Varnish's capacity.

Usage: .venv/bin/python benchmarks/bench_pages.py [seconds per page, default 8]
"""

from __future__ import annotations

import http.client
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = str(ROOT / ".venv" / "bin" / "python")
CONNECTIONS = 10


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def cpu_seconds(pids) -> float:
    total = 0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except FileNotFoundError:
            continue
        total += int(fields[11]) + int(fields[12])  # utime, stime (clock ticks)
    return total / os.sysconf("SC_CLK_TCK")


def workers_of(master: int) -> list[int]:
    children = Path(f"/proc/{master}/task/{master}/children")
    return [int(pid) for pid in children.read_text().split()] if children.exists() else []


def load(port: int, path: str, seconds: float) -> tuple[int, int, dict]:
    """(responses, bytes of one response, X-Cache counts) with CONNECTIONS keep-alive connections."""
    stop = time.monotonic() + seconds
    counts = [0] * CONNECTIONS
    size = [0]
    cache: dict[str, int] = {}
    lock = threading.Lock()

    def run(slot: int):
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        while time.monotonic() < stop:
            connection.request("GET", path, headers={"Accept-Language": "vi", "Host": "localhost"})
            response = connection.getresponse()
            body = response.read()
            if response.status != 200:
                raise SystemExit(f"{path}: HTTP {response.status}")
            size[0] = len(body)
            counts[slot] += 1
            state = response.getheader("X-Cache")
            if state:
                with lock:
                    cache[state] = cache.get(state, 0) + 1
        connection.close()

    threads = [threading.Thread(target=run, args=(slot,)) for slot in range(CONNECTIONS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return sum(counts), size[0], cache


def wait_for(port: int, process, seconds: float = 90) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"{process.args[0]} exited")
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            connection.request("GET", "/", headers={"Host": "localhost"})
            connection.getresponse().read()
            return
        except OSError:
            time.sleep(0.3)
    raise SystemExit(f"port {port} did not answer")


def main() -> None:
    seconds = float(sys.argv[1]) if len(sys.argv) > 1 else 8.0
    folder = Path(tempfile.mkdtemp(prefix="portal-bench-pages-"))
    folder.chmod(0o755)
    web, cache_port = free_port(), free_port()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings.production",
        "SECRET_KEY": "bench-pages-" + "x" * 50,
        "ALLOWED_HOSTS": "localhost,127.0.0.1",
        "SECURE_SSL_REDIRECT": "false",
        "DATABASE_URL": f"sqlite:///{folder / 'db.sqlite3'}",
        "VNPAY_HASH_SECRET": "bench-secret",
        "STATIC_ROOT": str(folder / "static"),
        "MEDIA_ROOT": str(folder / "media"),
        "PRIVATE_MEDIA_ROOT": str(folder / "private"),
        "SITE_BASE_URL": f"http://127.0.0.1:{cache_port}",
        "GUNICORN_BIND": f"127.0.0.1:{web}",
        "GUNICORN_WORKERS": "2",
        "GUNICORN_LOG_LEVEL": "warning",
    }
    processes = []
    try:
        for command in (["migrate", "-v0"], ["load_demo"], ["collectstatic", "--noinput", "-v0"]):
            subprocess.run([PYTHON, "manage.py", *command], cwd=ROOT, env=env, check=True,
                           stdout=subprocess.DEVNULL)  # fmt: skip
        procedure_url = (
            subprocess.run(
                [
                    PYTHON,
                    "manage.py",
                    "shell",
                    "-c",
                    "from procedures.models import ProcedurePage as P; print(P.objects.live().order_by('pk').first().url)",
                ],
                cwd=ROOT,
                env=env,
                check=True,
                capture_output=True,
                text=True,
            )
            .stdout.strip()
            .splitlines()[-1]
        )  # fmt: skip (the shell prints a banner first)
        gunicorn = subprocess.Popen(
            [str(ROOT / ".venv" / "bin" / "gunicorn"), "--config", str(ROOT / "deploy" / "gunicorn.conf.py")],
            cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        processes.append(gunicorn)
        wait_for(web, gunicorn)
        varnishd = shutil.which("varnishd") or (
            "/usr/sbin/varnishd" if Path("/usr/sbin/varnishd").exists() else ""
        )
        if varnishd:
            vcl = folder / "portal.vcl"
            vcl.write_text(
                (ROOT / "deploy" / "varnish" / "portal.vcl").read_text().replace('"8000"', f'"{web}"')
            )
            vcl.chmod(0o644)
            cache = subprocess.Popen(
                [varnishd, "-F", "-a", f"127.0.0.1:{cache_port}", "-f", str(vcl), "-n", str(folder / "varnish"),
                 "-s", "malloc,64m"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            )  # fmt: skip
            processes.append(cache)
            wait_for(cache_port, cache)
        pages = {
            "home": "/",
            "procedure page": procedure_url,
            "catalog": "/thu-tuc-hanh-chinh/",
            "search": "/tim-kiem/?q=khai+sinh",
        }
        print(f"load average {os.getloadavg()[0]:.2f}; {CONNECTIONS} connections, {seconds:.0f} s per page")
        print(f"{'page':16} {'KB':>6} {'req/s':>8} {'CPU ms/req':>11} {'req/s via Varnish':>18}  X-Cache")
        for name, path in pages.items():
            load(web, path, 1.0)  # warm-up (the worker's first request)
            workers = workers_of(gunicorn.pid)
            before = cpu_seconds(workers)
            done, size, _ = load(web, path, seconds)
            cpu_ms = (cpu_seconds(workers) - before) * 1000 / max(done, 1)
            cached = ""
            if varnishd:
                load(cache_port, path, 1.0)
                hits, _size, states = load(cache_port, path, seconds)
                cached = f"{hits / seconds:18.0f}  {states}"
            print(f"{name:16} {size / 1024:6.1f} {done / seconds:8.1f} {cpu_ms:11.1f} {cached}")
        print(f"load average {os.getloadavg()[0]:.2f}")
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
