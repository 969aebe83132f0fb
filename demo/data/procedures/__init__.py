"""The demo catalog: every procedure spec, in creation order (a successor comes before what it replaces)."""

from . import business, civil_status, construction_land, other, residence

PROCEDURES = [
    *civil_status.PROCEDURES,
    *residence.PROCEDURES,
    *business.PROCEDURES,
    *construction_land.PROCEDURES,
    *other.PROCEDURES,
]

__all__ = ["PROCEDURES"]
