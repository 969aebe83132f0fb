"""Procedure codes: national `1.000178`, provincial variants with suffixes `1.005461.000.00.00.H36`."""

import re

__all__ = ["CODE_RE", "base_code", "looks_like_code"]

CODE_RE = re.compile(r"^\s*(\d\.\d{6})((?:\.[0-9A-Za-z]+)*)\s*$")


def base_code(code: str) -> str:
    """The national part of a code: `1.005461.000.00.00.H36` → `1.005461`. Unknown shapes are kept."""
    match = CODE_RE.match(code or "")
    return match.group(1) if match else (code or "").strip()


def looks_like_code(text: str) -> bool:
    return bool(CODE_RE.match(text or ""))
