"""The production stack on one machine, as docs/deployment.md sets it up (issue 18, item 1): Varnish
with deploy/varnish/portal.vcl in front of gunicorn with deploy/gunicorn.conf.py and the production
settings, PostgreSQL with the connection pool, Redis, and the RQ worker; a small SMTP server stands
for the mail relay. It checks that pages are served from the cache, that publishing a page purges it
within seconds, and that an e-mail queued by a request goes out through the worker.

PostgreSQL only (the PostgreSQL pass of `make test`): it needs the cluster tests/scripts/with-postgres.sh
starts. Debian's varnish and redis-server are installed by tests/scripts/system-deps.sh."""

from __future__ import annotations

import os
import re
import shutil
import socket
import socketserver
import subprocess
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from http.cookiejar import CookieJar
from pathlib import Path

import pytest
from django.db import connection

from procedures.tests.factories import make_full_procedure

pytestmark = [pytest.mark.postgres_only, pytest.mark.django_db(transaction=True)]

ROOT = Path(__file__).resolve().parent.parent
DEPLOY = ROOT / "deploy"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class _Smtp(socketserver.StreamRequestHandler):
    """Just enough SMTP for Django's backend: every message's data lands in server.messages."""

    def handle(self):
        self.wfile.write(b"220 relay\r\n")
        data = None
        while line := self.rfile.readline():
            if data is not None:
                if line in (b".\r\n", b".\n"):
                    self.server.messages.append(b"".join(data).decode("utf-8", "replace"))
                    data = None
                    self.wfile.write(b"250 queued\r\n")
                else:
                    data.append(line)
                continue
            verb = line[:4].upper()
            if verb == b"DATA":
                data = []
                self.wfile.write(b"354 go on\r\n")
            elif verb == b"QUIT":
                self.wfile.write(b"221 bye\r\n")
                return
            elif verb in (b"EHLO", b"HELO"):
                self.wfile.write(b"250 relay\r\n")
            else:
                self.wfile.write(b"250 ok\r\n")


class _SmtpServer(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self):
        super().__init__(("127.0.0.1", 0), _Smtp)
        self.messages: list[str] = []


def _tail(process) -> str:
    return process.log.read_text(errors="replace")[-3000:]


def _wait_for(url: str, processes: list, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        for process in processes:
            if process.poll() is not None:
                raise AssertionError(f"{process.args[0]} exited: {_tail(process)}")
        try:
            urllib.request.urlopen(url, timeout=5)
            return
        except urllib.error.HTTPError:
            return
        except OSError:
            time.sleep(0.3)
    raise AssertionError(f"{url} did not answer in {seconds} s")


@pytest.fixture
def stack(tmp_path, settings):
    for program in ("varnishd", "redis-server"):
        if not (
            shutil.which(program)
            or Path(f"/usr/sbin/{program}").exists()
            or Path(f"/usr/bin/{program}").exists()
        ):
            pytest.fail(f"{program} is missing: tests/scripts/system-deps.sh installs it")
    varnishd = shutil.which("varnishd") or "/usr/sbin/varnishd"
    redis = shutil.which("redis-server") or "/usr/bin/redis-server"
    db = connection.settings_dict
    ports = {name: _free_port() for name in ("web", "cache", "redis")}
    smtp = _SmtpServer()
    threading.Thread(target=smtp.serve_forever, daemon=True).start()
    cache_url = f"http://127.0.0.1:{ports['cache']}"
    host = urllib.parse.quote(db["HOST"], safe="")
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings.production",
        "SECRET_KEY": "stack-test-" + "x" * 50,
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SECURE_SSL_REDIRECT": "false",
        "SITE_BASE_URL": cache_url,
        "DATABASE_URL": f"postgres://{db['USER']}@{host}:{db['PORT']}/{db['NAME']}",
        "DATABASE_POOL": "1",
        "CACHE_URL": f"redis://127.0.0.1:{ports['redis']}/0",
        "TASKS_BACKEND": "rq",
        "TASKS_REDIS_URL": f"redis://127.0.0.1:{ports['redis']}/1",
        "FRONTEND_CACHE_PURGE_URL": cache_url,
        "EMAIL_URL": f"smtp://127.0.0.1:{smtp.server_address[1]}",
        "VNPAY_HASH_SECRET": "stack-test-secret",
        "STATIC_ROOT": str(tmp_path / "static"),
        "PRIVATE_MEDIA_ROOT": str(tmp_path / "private"),
        "MEDIA_ROOT": str(tmp_path / "media"),
        "GUNICORN_BIND": f"127.0.0.1:{ports['web']}",
        "GUNICORN_WORKERS": "2",
        "TRUSTED_PROXY_COUNT": "1",
    }
    python = str(ROOT / ".venv" / "bin" / "python")
    subprocess.run(
        [python, "manage.py", "collectstatic", "--noinput", "-v0"], cwd=ROOT, env=env, check=True, timeout=300
    )
    # Varnish reads its configuration as its own unprivileged user: a directory it can enter.
    varnish_dir = Path(tempfile.mkdtemp(prefix="portal-varnish-"))
    varnish_dir.chmod(0o755)
    vcl = varnish_dir / "portal.vcl"
    vcl.write_text((DEPLOY / "varnish" / "portal.vcl").read_text().replace('"8000"', f'"{ports["web"]}"'))
    vcl.chmod(0o644)
    started = []

    def start(*command):
        log = tmp_path / f"{Path(command[0]).name}-{len(started)}.log"
        process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=log.open("w"), stderr=subprocess.STDOUT)
        process.log = log
        started.append(process)
        return process

    start(redis, "--port", str(ports["redis"]), "--save", "", "--appendonly", "no", "--bind", "127.0.0.1")
    web = start(str(ROOT / ".venv" / "bin" / "gunicorn"), "--config", str(DEPLOY / "gunicorn.conf.py"))
    # The worker exactly as deploy/systemd/portal-worker.service starts it.
    unit = (DEPLOY / "systemd" / "portal-worker.service").read_text()
    command = re.search(r"^ExecStart=\S+/python (manage\.py rqworker .*)$", unit, re.M).group(1).split()
    worker = start(python, *command)
    cache = start(varnishd, "-F", "-a", f"127.0.0.1:{ports['cache']}", "-f", str(vcl), "-n", str(varnish_dir / "work"),
                  "-s", "malloc,32m")  # fmt: skip
    try:
        _wait_for(f"http://127.0.0.1:{ports['web']}/", [web])
        _wait_for(cache_url + "/", [cache])
        # The test process publishes as an editor would in the admin: same cache (the page cache's
        # content version lives in Redis), and it purges Varnish as the portal does (same setting).
        settings.CACHES = {
            "default": {
                "BACKEND": "django.core.cache.backends.redis.RedisCache",
                "LOCATION": f"redis://127.0.0.1:{ports['redis']}/0",
            }
        }
        settings.WAGTAILFRONTENDCACHE = {
            "varnish": {
                "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
                "LOCATION": cache_url,
            }
        }
        yield {
            "url": cache_url,
            "smtp": smtp,
            "worker": worker,
            "web": web,
            "web_url": f"http://127.0.0.1:{ports['web']}",
        }
    finally:
        for process in started:
            process.terminate()
        for process in started:
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
        smtp.shutdown()
        shutil.rmtree(varnish_dir, ignore_errors=True)


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def _get(url: str, opener=None):
    opener = opener or urllib.request.build_opener()
    request = urllib.request.Request(url, headers={"Accept-Language": "vi"})
    with opener.open(request, timeout=30) as response:
        return response.status, dict(response.headers), response.read().decode()


def test_the_stack_caches_purges_on_publish_and_mails_through_the_worker(stack, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    procedure = make_full_procedure()
    page = stack["url"] + procedure.url

    # 1. Pages through the front cache: the second request is a hit.
    status, first, html = _get(page)
    assert status == 200 and "Đăng ký khai sinh" in html
    assert first["X-Cache"] == "MISS" and "public" in first["Cache-Control"]
    _status, second, _html = _get(page)
    assert second["X-Cache"] == "HIT", second
    # Behind Varnish, gunicorn keeps the rendered page too (the page cache, in Redis).
    _get(stack["web_url"] + procedure.url)
    _status, direct, _html = _get(stack["web_url"] + procedure.url)
    assert direct["X-Page-Cache"] == "hit", direct

    # 2. Publishing purges that page within seconds.
    procedure.title = "Đăng ký khai sinh (cập nhật)"
    procedure.official_name = "Đăng ký khai sinh (cập nhật)"
    procedure.save_revision().publish()
    deadline = time.monotonic() + 10
    while True:
        _status, headers, html = _get(page)
        if "(cập nhật)" in html:
            break
        assert time.monotonic() < deadline, f"still the old page after 10 s: {headers}"
        time.sleep(0.5)
    assert headers["X-Cache"] == "MISS"
    # The page cache was emptied by the same publish (its content version moved in Redis).
    _status, _headers, html = _get(stack["web_url"] + procedure.url)
    assert "(cập nhật)" in html

    # 3. An e-mail queued by a request (the sign-up's verification) goes out through the worker.
    jar = CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    _status, headers, form = _get(stack["url"] + "/tai-khoan/dang-ky/", opener)
    assert "X-Cache" in headers and headers["X-Cache"] == "MISS"  # a form page is never from the cache
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form).group(1)
    body = urllib.parse.urlencode({
        "csrfmiddlewaretoken": token, "full_name": "Lê Văn Chạy", "email": "le.van.chay@example.vn",
        "phone": "0912555666", "password1": "Ngay-mai-troi-lai-sang", "password2": "Ngay-mai-troi-lai-sang",
    }).encode()  # fmt: skip
    # Production cookies are Secure (nginx terminates TLS); here the test is the browser behind it.
    cookies = "; ".join(f"{cookie.name}={cookie.value}" for cookie in jar)
    assert "csrftoken=" in cookies
    request = urllib.request.Request(
        stack["url"] + "/tai-khoan/dang-ky/", data=body, headers={"Cookie": cookies}
    )
    with pytest.raises(urllib.error.HTTPError) as redirected:  # a redirect, not followed
        urllib.request.build_opener(_NoRedirects).open(request, timeout=30)
    assert (
        redirected.value.code == 302 and redirected.value.headers["Location"] == "/tai-khoan/dang-ky/da-gui/"
    )
    deadline = time.monotonic() + 30
    while not stack["smtp"].messages:
        assert stack["worker"].poll() is None, _tail(stack["worker"])
        assert time.monotonic() < deadline, (
            f"no e-mail reached the relay in 30 s\nworker: {_tail(stack['worker'])}\nweb: {_tail(stack['web'])}"
        )
        time.sleep(0.3)
    [message] = stack["smtp"].messages
    unfolded = re.sub(r"=\r?\n", "", message)  # quoted-printable soft line breaks
    assert "le.van.chay@example.vn" in message and "/tai-khoan/xac-minh/" in unfolded
