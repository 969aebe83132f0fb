from .catalog import ProcedureIndexPage
from .procedure import (
    DossierComponent,
    LegalBasis,
    ProcedureChannel,
    ProcedureDocument,
    ProcedurePage,
    ProcedureResult,
)
from .taxonomy import Field, ImplementationLevelRecord

__all__ = [
    "DossierComponent",
    "Field",
    "ImplementationLevelRecord",
    "LegalBasis",
    "ProcedureChannel",
    "ProcedureDocument",
    "ProcedureIndexPage",
    "ProcedurePage",
    "ProcedureResult",
]
