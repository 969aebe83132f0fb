"""Signing and verifying result documents (signing.services), in-process, on real keys.

A temporary SQLite database and SIGNING_DIR; the demo certificate authority issues one agency key
(ECDSA P-256, PKCS#12). For each of three documents (a one-page result, a 10-page result made by
WeasyPrint, a phone photo of a paper result as JPEG): the time to sign (draw the QR stamp on page 1,
PAdES signature, register it) and the time to verify (parse, check integrity, chain to the trusted
root, find it in the register). No timestamp authority (SIGNING_TSA_URL empty): its network round
trip would come on top.

Usage: .venv/bin/python benchmarks/bench_signing.py [N]   (default 20 per document)
"""

from __future__ import annotations

import io
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _ms(samples: list[float]) -> str:
    samples = sorted(samples)
    p95 = samples[min(len(samples) - 1, int(len(samples) * 0.95))]
    return f"median {statistics.median(samples) * 1000:.1f} ms, p95 {p95 * 1000:.1f} ms"


def main(n: int) -> int:
    with tempfile.TemporaryDirectory() as tmp:
        os.environ.update(
            DATABASE_URL=f"sqlite:///{tmp}/bench.sqlite3",
            DJANGO_SETTINGS_MODULE="portal.settings.dev",
            PRIVATE_MEDIA_ROOT=f"{tmp}/private",
            SIGNING_DIR=f"{tmp}/signing",
        )
        sys.path.insert(0, str(ROOT))
        import django

        django.setup()
        from django.core.management import call_command
        from PIL import Image
        from weasyprint import HTML

        from agencies.models import Agency
        from signing.services import ensure_demo_key, sign_document, verify

        call_command("migrate", verbosity=0)
        agency = Agency.objects.create(
            name="Ủy ban nhân dân phường Tân An", slug="ubnd-tan-an", code="000.00.20.H56"
        )
        started = time.perf_counter()
        ensure_demo_key(agency)
        print(f"demo CA + one agency key: {(time.perf_counter() - started) * 1000:.0f} ms")
        paragraph = (
            "<p>Căn cứ Nghị định 01/2021/NĐ-CP về đăng ký doanh nghiệp; xét đề nghị của hộ kinh doanh.</p>"
            * 40
        )
        photo = io.BytesIO()
        Image.effect_noise((2400, 3200), 60).convert("RGB").save(photo, "JPEG", quality=85)
        documents = {
            "1 trang PDF": ("pdf", HTML(string="<h1>GIẤY CHỨNG NHẬN</h1>" + paragraph[:400]).write_pdf()),
            "10 trang PDF": ("pdf", HTML(string="<h1>QUYẾT ĐỊNH</h1>" + paragraph * 7).write_pdf()),
            "ảnh chụp JPEG 2400×3200": ("jpg", photo.getvalue()),
        }
        for label, (kind, data) in documents.items():
            signing, checking, size = [], [], 0
            for i in range(n):
                t0 = time.perf_counter()
                signed = sign_document(
                    data, kind=kind, dossier_code=f"000.00.20.H56-261207-{i:04d}", agencies=[agency]
                )
                t1 = time.perf_counter()
                result = verify(signed.data)
                t2 = time.perf_counter()
                assert result.ok, result
                signing.append(t1 - t0)
                checking.append(t2 - t1)
                size = len(signed.data)
            print(f"{label} ({len(data) // 1024} KB → {size // 1024} KB signed), {n} documents:")
            print(f"  sign   {_ms(signing)}  ({n / sum(signing):.1f} documents/s)")
            print(f"  verify {_ms(checking)}  ({n / sum(checking):.1f} documents/s)")
    return 0


if __name__ == "__main__":
    sys.exit(main(int(sys.argv[1]) if len(sys.argv) > 1 else 20))
