"""Public pages over HTTP (issue 18, items 3 and 4), all in one run on the same machine:

1. **rendered**: gunicorn with deploy/gunicorn.conf.py (2 workers, production settings, a temporary
   SQLite database with the demo data, or with --national also the 2,849 records of the national
   catalog), the page cache off (PAGE_CACHE_SECONDS=0): every request renders the page;
2. **page cache**: the same, with Redis as Django's cache and the page cache on, as production runs it
   (core.pagecache): the page is rendered once, then answered from Redis;
3. **Varnish** (deploy/varnish/portal.vcl) in front of (2): every request a HIT;
4. **nginx** serving the very same HTML as static files: the reference the issue compares with.

For each page: requests per second with 10 keep-alive connections (wrk, 2 threads; or Python threads
when wrk is missing), the gunicorn workers' CPU milliseconds per request (from /proc), and the size of
the HTML. Then what a procedure page transfers (HTML, CSS, JavaScript, compressed as nginx would send
them), and each worker's resident memory after it built its search index at start.

The load generator runs on the same 2 cores as the servers, so every figure is a lower bound of what the
server alone could do; the ratio to nginx is taken with the same client in the same run.

Usage: .venv/bin/python benchmarks/bench_pages.py [--seconds 8] [--national]
Needs: Debian's varnish, redis-server, nginx-light and wrk (the last two only for the comparison:
`apt-get install nginx-light wrk`); each part whose program is missing is skipped with a message.
"""

from __future__ import annotations

import argparse
import gzip
import http.client
import os
import re
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
CATALOG = ("catalog/national-ministries-2642.jsonl", "catalog/defence-ministry-207.jsonl")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def program(name: str) -> str:
    return shutil.which(name) or next(
        (str(p) for p in (Path("/usr/sbin") / name, Path("/usr/bin") / name) if p.exists()), ""
    )


def cpu_seconds(pids) -> float:
    total = 0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except FileNotFoundError:
            continue
        total += int(fields[11]) + int(fields[12])  # utime, stime (clock ticks)
    return total / os.sysconf("SC_CLK_TCK")


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def workers_of(master: int) -> list[int]:
    children = Path(f"/proc/{master}/task/{master}/children")
    return [int(pid) for pid in children.read_text().split()] if children.exists() else []


def fetch(port: int, path: str, headers: dict | None = None) -> tuple[int, dict, bytes]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    connection.request("GET", path, headers={"Host": "localhost", "Accept-Language": "vi", **(headers or {})})
    response = connection.getresponse()
    body = response.read()
    connection.close()
    return response.status, {k.lower(): v for k, v in response.getheaders()}, body


def load_python(port: int, path: str, seconds: float) -> int:
    """Responses in `seconds` with CONNECTIONS keep-alive connections from Python threads."""
    stop = time.monotonic() + seconds
    counts = [0] * CONNECTIONS

    def run(slot: int):
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        while time.monotonic() < stop:
            connection.request("GET", path, headers={"Accept-Language": "vi", "Host": "localhost"})
            response = connection.getresponse()
            response.read()
            if response.status != 200:
                raise SystemExit(f"{path}: HTTP {response.status}")
            counts[slot] += 1
        connection.close()

    threads = [threading.Thread(target=run, args=(slot,)) for slot in range(CONNECTIONS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return sum(counts)


def load(port: int, path: str, seconds: float) -> int:
    """Responses in `seconds`: wrk (2 threads, CONNECTIONS connections) when installed."""
    wrk = program("wrk")
    if not wrk:
        return load_python(port, path, seconds)
    result = subprocess.run(
        [wrk, "-t2", f"-c{CONNECTIONS}", f"-d{seconds:.0f}s", "-H", "Accept-Language: vi",
         "-H", "Host: localhost", f"http://127.0.0.1:{port}{path}"],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    if "Non-2xx" in result.stdout:
        raise SystemExit(f"{path}: answers other than 200\n{result.stdout}")
    return int(re.search(r"(\d+) requests in", result.stdout).group(1))


def wait_for(port: int, process, seconds: float = 180) -> None:
    """Until the server answers 200 (Varnish answers 503 until its health probe saw the backend)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"{process.args[0]} exited")
        try:
            if fetch(port, "/")[0] == 200:
                return
        except OSError:
            pass
        time.sleep(0.3)
    raise SystemExit(f"port {port} did not answer")


class Stack:
    """The processes of one run, stopped in reverse order."""

    def __init__(self):
        self.processes = []

    def start(self, command, **kwargs):
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, **kwargs)
        self.processes.append(process)
        return process

    def stop(self, process=None):
        for each in [process] if process else list(reversed(self.processes)):
            each.terminate()
            try:
                each.wait(timeout=20)
            except subprocess.TimeoutExpired:
                each.kill()
            self.processes.remove(each)


def manage(env, *command, capture=False) -> str:
    result = subprocess.run(
        [PYTHON, "manage.py", *command], cwd=ROOT, env=env, check=True, text=True,
        stdout=subprocess.PIPE if capture else subprocess.DEVNULL,
    )  # fmt: skip
    return result.stdout or ""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=8.0, help="seconds of load per page and server")
    parser.add_argument("--national", action="store_true", help="also import the national catalog (2,849)")
    parser.add_argument("legacy_seconds", nargs="?", type=float, help=argparse.SUPPRESS)
    args = parser.parse_args()
    seconds = args.legacy_seconds or args.seconds
    folder = Path(tempfile.mkdtemp(prefix="portal-bench-pages-"))
    folder.chmod(0o755)
    web, cache_port, redis_port, nginx_port = free_port(), free_port(), free_port(), free_port()
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
        # No recycling of workers during a measurement (their CPU time is read from /proc).
        "GUNICORN_MAX_REQUESTS": "0",
    }
    stack = Stack()
    try:
        manage(env, "migrate", "-v0")
        manage(env, "load_demo")
        manage(env, "collectstatic", "--noinput", "-v0")
        if args.national:
            shared = Path(os.environ.get("SHARED_DATA_DIR", ROOT.parent / "shared" / "data"))
            files = [shared / name for name in CATALOG]
            if all(path.exists() for path in files):
                started = time.monotonic()
                manage(env, "import_procedures", *map(str, files))
                print(f"national catalog imported in {time.monotonic() - started:.0f} s")
            else:
                print(f"--national: the catalog files are missing under {shared}; demo data only")
        count, procedure_url = (
            manage(
                env,
                "shell",
                "-c",
                "from procedures.models import ProcedurePage as P; q = P.objects.live().order_by('pk');"
                "print(q.count(), q.first().url)",
                capture=True,
            )
            .strip()
            .splitlines()[-1]
            .split()
        )  # fmt: skip (the shell may print a banner first)
        pages = {
            "home": "/",
            "procedure page": procedure_url,
            "catalog": "/thu-tuc-hanh-chinh/",
            "search": "/tim-kiem/?q=khai+sinh",
        }
        print(f"{count} live procedures; {CONNECTIONS} connections, {seconds:.0f} s per page and server; "
              f"client: {'wrk' if program('wrk') else 'Python threads'}")  # fmt: skip
        print(f"load average at start {os.getloadavg()[0]:.2f} on {os.cpu_count()} CPUs")
        gunicorn_command = [
            str(ROOT / ".venv" / "bin" / "gunicorn"),
            "--config",
            str(ROOT / "deploy" / "gunicorn.conf.py"),
        ]
        results: dict[str, dict] = {name: {} for name in pages}
        bodies: dict[str, bytes] = {}

        def measure(label: str, port: int, master: int | None) -> None:
            for name, path in pages.items():
                status, headers, body = fetch(port, path)
                if status != 200:
                    raise SystemExit(f"{label} {path}: HTTP {status}\n{body[:2000].decode(errors='replace')}")
                load(port, path, 1.0)  # warm-up
                bodies.setdefault(name, body)
                workers = workers_of(master) if master else []
                before = cpu_seconds(workers)
                done = load(port, path, seconds)
                cpu = (cpu_seconds(workers) - before) * 1000 / max(done, 1) if master else None
                results[name][label] = (
                    done / seconds,
                    cpu,
                    headers.get("x-cache") or headers.get("x-page-cache"),
                )

        # 1. Rendered on every request.
        gunicorn = stack.start(gunicorn_command, cwd=ROOT, env={**env, "PAGE_CACHE_SECONDS": "0"})
        wait_for(web, gunicorn)
        memory = [rss_mb(pid) for pid in workers_of(gunicorn.pid)]
        measure("rendered", web, gunicorn.pid)
        stack.stop(gunicorn)

        # 2. The page cache in Redis, as production runs it; 3. Varnish in front.
        redis = program("redis-server")
        varnishd = program("varnishd")
        if redis:
            stack.start([redis, "--port", str(redis_port), "--save", "", "--appendonly", "no"])
            time.sleep(0.5)
            cached_env = {
                **env,
                "CACHE_URL": f"redis://127.0.0.1:{redis_port}/0",
                "PAGE_CACHE_SECONDS": "600",
            }
            gunicorn = stack.start(gunicorn_command, cwd=ROOT, env=cached_env)
            wait_for(web, gunicorn)
            measure("page cache", web, gunicorn.pid)
        else:
            print("redis-server missing: the page cache is not measured")
        if varnishd:
            vcl = folder / "portal.vcl"
            vcl.write_text(
                (ROOT / "deploy" / "varnish" / "portal.vcl").read_text().replace('"8000"', f'"{web}"')
            )
            vcl.chmod(0o644)
            cache = stack.start([varnishd, "-F", "-a", f"127.0.0.1:{cache_port}", "-f", str(vcl),
                                 "-n", str(folder / "varnish"), "-s", "malloc,64m"])  # fmt: skip
            wait_for(cache_port, cache)
            measure("Varnish", cache_port, None)
        else:
            print("varnishd missing: the front cache is not measured")

        # 4. nginx serving the same HTML.
        nginx = program("nginx")
        if nginx:
            html = folder / "html"
            html.mkdir()
            html.chmod(0o755)
            for index, body in enumerate(bodies.values()):
                (html / f"{index}.html").write_bytes(body)
                (html / f"{index}.html").chmod(0o644)
            (folder / "nginx.conf").write_text(
                f"daemon off; worker_processes 2; pid {folder}/nginx.pid; error_log {folder}/nginx.log;\n"
                "events { worker_connections 256; }\n"
                f"http {{ access_log off; server {{ listen 127.0.0.1:{nginx_port}; root {html};"
                " default_type text/html; location / { try_files $uri =404; } } }\n"
            )
            server = stack.start([nginx, "-c", str(folder / "nginx.conf"), "-p", str(folder)])
            time.sleep(0.5)
            for index, name in enumerate(bodies):
                load(nginx_port, f"/{index}.html", 1.0)
                results[name]["nginx"] = (load(nginx_port, f"/{index}.html", seconds) / seconds, None, None)
            stack.stop(server)
        else:
            print("nginx missing (apt-get install nginx-light): no comparison with nginx")

        labels = ["rendered", "page cache", "Varnish", "nginx"]
        print()
        print(f"{'page':15} {'KB':>5} " + " ".join(f"{label + ' req/s':>18} {'CPU ms':>7}" for label in labels[:2])
              + f" {'Varnish req/s':>14} {'nginx req/s':>12} {'Varnish/nginx':>14}")  # fmt: skip
        for name in pages:
            row = results[name]
            cells = []
            for label in labels[:2]:
                rate, cpu, _state = row.get(label, (0, None, None))
                cells.append(f"{rate:18.1f} {cpu if cpu is not None else float('nan'):7.2f}")
            varnish = row.get("Varnish", (0, None, None))[0]
            reference = row.get("nginx", (0, None, None))[0]
            ratio = f"{varnish / reference:14.2f}" if varnish and reference else f"{'':>14}"
            print(
                f"{name:15} {len(bodies[name]) / 1024:5.1f} "
                + " ".join(cells)
                + f" {varnish:14.0f} {reference:12.0f} {ratio}"
            )
        print(
            f"cache states seen: { {name: {k: v[2] for k, v in row.items()} for name, row in results.items()} }"
        )

        # What a procedure page transfers (the first view: HTML, CSS and JavaScript, gzip as served).
        status, _headers, body = fetch(web, procedure_url)
        text = body.decode()
        assets = re.findall(r'<script[^>]+src="([^"]+)"', text)
        styles = re.findall(r'<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"', text) + re.findall(
            r'<link[^>]+href="([^"]+)"[^>]+rel="stylesheet"', text
        )
        sizes = {"html": [len(body), len(gzip.compress(body))], "css": [0, 0], "js": [0, 0]}
        for kind, urls in (("js", assets), ("css", styles)):
            for url in urls:
                _status, _h, asset = fetch(web, url)
                sizes[kind][0] += len(asset)
                sizes[kind][1] += len(gzip.compress(asset))
        total = sum(raw for raw, _zipped in sizes.values()), sum(zipped for _raw, zipped in sizes.values())
        print(
            "procedure page transfer (raw / gzip KB): "
            + ", ".join(f"{kind} {raw / 1024:.1f} / {zipped / 1024:.1f} ({len(assets) if kind == 'js' else len(styles) if kind == 'css' else 1} files)"
                        for kind, (raw, zipped) in sizes.items())
            + f"; total {total[0] / 1024:.1f} / {total[1] / 1024:.1f}"
        )  # fmt: skip
        print(
            f"resident memory per worker after start (search index built): {', '.join(f'{m:.0f} MB' for m in memory)}"
        )
        if gunicorn.poll() is None:
            after = [rss_mb(pid) for pid in workers_of(gunicorn.pid)]
            print(
                f"resident memory per worker after the run (page cache in Redis): {', '.join(f'{m:.0f} MB' for m in after)}"
            )
        print(f"load average at end {os.getloadavg()[0]:.2f}")
    finally:
        stack.stop()
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
