import os
import shutil
import socket
import subprocess
import time
from pathlib import Path

import pytest

from .factories import eicar_bytes
from .module_data import (  # noqa: F401
    other_procedure,
    procedure,
    refuse_transactional_tests,
    shared_other_procedure_pk,
    shared_procedure_pk,
)


@pytest.fixture(autouse=True)
def private_media(settings, tmp_path):
    """Uploaded dossier files go to a temporary private folder in every test; the cache (rate
    limits) starts empty."""
    from django.core.cache import cache

    cache.clear()
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    return settings.PRIVATE_MEDIA_ROOT


def _clamd_binary() -> str | None:
    for candidate in ("/usr/sbin/clamd", shutil.which("clamd")):
        if candidate and os.access(candidate, os.X_OK):
            return candidate
    return None


@pytest.fixture(scope="session")
def clamd_socket(tmp_path_factory):
    """A real ClamAV daemon (Debian's clamav-daemon) with one local test signature matching the
    EICAR string: never a downloaded database. Started once per session, stopped afterwards."""
    binary = _clamd_binary()
    if binary is None:
        pytest.skip("clamd not installed: tests/scripts/system-deps.sh installs Debian's clamav-daemon")
    folder = tmp_path_factory.mktemp("clamd")
    database = folder / "db"
    database.mkdir()
    (database / "portal-test.ndb").write_text(f"Portal-Test-EICAR:0:*:{eicar_bytes().hex()}\n")
    sock = folder / "clamd.sock"
    config = folder / "clamd.conf"
    config.write_text(
        f"LocalSocket {sock}\nDatabaseDirectory {database}\nForeground yes\n"
        f"LogFile {folder / 'clamd.log'}\nStreamMaxLength 25M\n"
    )
    process = subprocess.Popen(
        [binary, f"--config-file={config}"], stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT
    )
    try:
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            if process.poll() is not None:
                log = Path(folder / "clamd.log")
                pytest.fail(f"clamd exited: {log.read_text() if log.exists() else ''}")
            if sock.exists():
                try:
                    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as probe:
                        probe.connect(str(sock))
                        probe.sendall(b"zPING\0")
                        if probe.recv(16).startswith(b"PONG"):
                            break
                except OSError:
                    pass
            time.sleep(0.2)
        else:
            pytest.fail("clamd did not open its socket within 90 s")
        yield str(sock)
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
