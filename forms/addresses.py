"""Provinces and communes (wards) after the 2025 reform, from the `vietnam-provinces` package."""

from __future__ import annotations

from functools import cache

from vietnam_provinces import Province, Ward

__all__ = ["commune_choices", "commune_name", "format_address", "province_choices", "province_name"]


@cache
def _provinces() -> dict[str, str]:
    return {str(int(p.code)): p.name for p in sorted(Province.iter_all(), key=lambda p: p.name)}


@cache
def _communes() -> dict[str, dict[str, str]]:
    by_province: dict[str, dict[str, str]] = {}
    for ward in Ward.iter_all():
        by_province.setdefault(str(int(ward.province_code)), {})[str(int(ward.code))] = ward.name
    return {code: dict(sorted(wards.items(), key=lambda kv: kv[1])) for code, wards in by_province.items()}


def province_choices() -> list[tuple[str, str]]:
    return list(_provinces().items())


def commune_choices(province_code: str) -> list[tuple[str, str]]:
    return list(_communes().get(str(province_code), {}).items())


def province_name(code: str) -> str:
    return _provinces().get(str(code), "")


def commune_name(province_code: str, commune_code: str) -> str:
    return _communes().get(str(province_code), {}).get(str(commune_code), "")


def format_address(*, street: str, province_code: str, commune_code: str) -> str:
    parts = [street.strip(), commune_name(province_code, commune_code), province_name(province_code)]
    return ", ".join(part for part in parts if part)
