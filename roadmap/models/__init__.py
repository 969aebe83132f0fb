from .access import AgencyAccess
from .history import OneStopRecord, ProcedureLevelRecord
from .roadmap import ItemProcedureLink, Roadmap, RoadmapItem, RoadmapTarget

__all__ = [
    "AgencyAccess",
    "ItemProcedureLink",
    "OneStopRecord",
    "ProcedureLevelRecord",
    "Roadmap",
    "RoadmapItem",
    "RoadmapTarget",
]
