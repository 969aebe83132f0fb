"""The deployment files in deploy/ agree with the code (docs/deployment.md): every timer starts a
management command that exists, every unit reads the environment file, gunicorn's configuration
loads and warms the search index, and Varnish's configuration compiles where varnishd is installed."""

import configparser
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest
from django.core.management import get_commands

DEPLOY = Path(__file__).resolve().parent.parent / "deploy"


def _unit(path: Path) -> configparser.ConfigParser:
    parser = configparser.ConfigParser(strict=False, interpolation=None)
    parser.optionxform = str
    parser.read(path, encoding="utf-8")
    return parser


def test_every_timer_starts_an_existing_management_command():
    commands = get_commands()
    timers = sorted((DEPLOY / "systemd").glob("portal-*.timer"))
    assert len(timers) >= 7
    for timer in timers:
        unit = _unit(timer)["Timer"]["Unit"]
        job = re.fullmatch(r"portal-job@(\w+)\.service", unit).group(1)
        assert job in commands, f"{timer.name} starts `manage.py {job}`, which does not exist"
    for job in ("deliver_emails", "refresh_usage", "sweep_orphan_files", "publish_scheduled"):
        assert any(_unit(t)["Timer"]["Unit"] == f"portal-job@{job}.service" for t in timers), job


def test_every_service_reads_the_environment_and_runs_as_the_portal_user():
    for service in (DEPLOY / "systemd").glob("*.service"):
        section = _unit(service)["Service"]
        assert section["EnvironmentFile"] == "/etc/portal/portal.env", service.name
        assert section["User"] == "portal", service.name
    web = _unit(DEPLOY / "systemd" / "portal-web.service")["Service"]["ExecStart"]
    assert "gunicorn --config /srv/portal/deploy/gunicorn.conf.py" in web
    worker = _unit(DEPLOY / "systemd" / "portal-worker.service")["Service"]["ExecStart"]
    assert (
        "manage.py rqworker default --job-class django_tasks_rq.Job" in worker
        and "rqworker" in get_commands()
    )


@pytest.mark.django_db
def test_gunicorn_configuration_loads_and_warms_the_search_index_in_each_worker(monkeypatch):
    from gunicorn.config import Config

    config = Config()
    namespace: dict = {}
    exec(compile((DEPLOY / "gunicorn.conf.py").read_text(), "gunicorn.conf.py", "exec"), namespace)
    for name in ("wsgi_app", "bind", "workers", "timeout", "max_requests", "forwarded_allow_ips"):
        config.set(name, namespace[name])  # each value is one gunicorn accepts
    assert config.wsgi_app == "portal.wsgi:application"

    warmed = []
    monkeypatch.setattr("search.services.warm_up", lambda: warmed.append(True) or 0)

    class Worker:
        pid = 1234

        class log:
            @staticmethod
            def info(*args):
                pass

            @staticmethod
            def exception(*args):
                raise AssertionError(args)

    namespace["post_worker_init"](Worker())
    assert warmed == [True]


def test_the_environment_example_names_only_documented_variables():
    documented = (Path(__file__).resolve().parent.parent / "docs" / "configuration.md").read_text()
    documented += (Path(__file__).resolve().parent.parent / "docs" / "deployment.md").read_text()
    for line in (DEPLOY / "portal.env.example").read_text().splitlines():
        if line and not line.startswith("#"):
            name = line.split("=", 1)[0]
            assert f"`{name}`" in documented, f"{name} is not described in docs/configuration.md"


def test_varnish_configuration_compiles():
    varnishd = shutil.which("varnishd") or (
        "/usr/sbin/varnishd" if Path("/usr/sbin/varnishd").exists() else None
    )
    if varnishd is None:
        pytest.skip("varnishd is not installed (apt-get install varnish)")
    # varnishd reads the file as its own unprivileged user: a copy in a directory it can enter (a
    # checkout inside a private temporary directory is not one).
    folder = Path(tempfile.mkdtemp(prefix="portal-vcl-"))
    try:
        folder.chmod(0o755)
        vcl = folder / "portal.vcl"
        shutil.copyfile(DEPLOY / "varnish" / "portal.vcl", vcl)
        vcl.chmod(0o644)
        result = subprocess.run(
            [varnishd, "-C", "-f", str(vcl), "-n", str(folder / "work")],
            capture_output=True,
            text=True,
            timeout=60,
        )
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    assert result.returncode == 0, result.stderr[-2000:]
