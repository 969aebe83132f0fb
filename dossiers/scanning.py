"""Virus scanning of uploads. The scanner is chosen by settings.DOSSIER_VIRUS_SCANNER:

- "none": no scan (development; files are marked not_scanned);
- "clamd": ClamAV's daemon, spoken to with its INSTREAM command over a Unix socket (CLAMD_SOCKET)
  or TCP (CLAMD_HOST/CLAMD_PORT). A daemon that cannot be reached refuses the file (fail closed).
"""

from __future__ import annotations

import socket
import struct
from dataclasses import dataclass

from django.conf import settings

__all__ = ["ScanResult", "ScannerUnavailable", "clamd_instream", "scan_bytes"]

CHUNK = 64 * 1024


class ScannerUnavailable(Exception):
    pass


@dataclass(frozen=True)
class ScanResult:
    scanned: bool
    infected: bool = False
    signature: str = ""


def _connect() -> socket.socket:
    timeout = getattr(settings, "CLAMD_TIMEOUT", 30)
    if getattr(settings, "CLAMD_HOST", ""):
        return socket.create_connection((settings.CLAMD_HOST, settings.CLAMD_PORT), timeout=timeout)
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    sock.settimeout(timeout)
    sock.connect(settings.CLAMD_SOCKET)
    return sock


def clamd_instream(data: bytes) -> ScanResult:
    """Send `data` to clamd with `zINSTREAM` (length-prefixed chunks, zero-length end)."""
    try:
        with _connect() as sock:
            sock.sendall(b"zINSTREAM\0")
            for start in range(0, len(data), CHUNK):
                chunk = data[start : start + CHUNK]
                sock.sendall(struct.pack("!L", len(chunk)) + chunk)
            sock.sendall(struct.pack("!L", 0))
            reply = b""
            while not reply.endswith(b"\0"):
                part = sock.recv(4096)
                if not part:
                    break
                reply += part
    except OSError as exc:
        raise ScannerUnavailable(str(exc)) from exc
    text = reply.rstrip(b"\0").decode("utf-8", "replace").strip()
    # "stream: OK", "stream: Eicar-Test-Signature FOUND", "INSTREAM size limit exceeded. ERROR"
    if text.endswith("FOUND"):
        signature = text.split(":", 1)[-1].rsplit(" ", 1)[0].strip()
        return ScanResult(scanned=True, infected=True, signature=signature)
    if text.endswith("OK"):
        return ScanResult(scanned=True)
    raise ScannerUnavailable(text or "empty reply from clamd")


def scan_bytes(data: bytes) -> ScanResult:
    scanner = getattr(settings, "DOSSIER_VIRUS_SCANNER", "none")
    if scanner == "clamd":
        return clamd_instream(data)
    if scanner in ("", "none"):
        return ScanResult(scanned=False)
    raise ScannerUnavailable(f"unknown DOSSIER_VIRUS_SCANNER {scanner!r}")
