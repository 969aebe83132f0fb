"""Look-ups of one import run: pages by code, fields, agencies, levels, slugs.

Loaded once at the start, so the importer does not ask the database for every record. Records are
written in savepoints: objects created inside a record that then fails are forgotten again
(`rollback`), so a later record never points at a row that no longer exists.
"""

from wagtail.models import Page

from agencies.models import Agency

from ..models import Field, ImplementationLevelRecord, ProcedurePage
from .indexes import index_new_objects
from .text import ascii_slug, clean_name

__all__ = ["RunCatalog"]

AGENCY_SLUG_MAX = 120
FIELD_SLUG_MAX = 255


class RunCatalog:
    def __init__(self, index_page: Page):
        self.index_page = index_page
        self.pages: dict[str, int] = dict(ProcedurePage.objects.values_list("code", "pk"))
        self.slugs: set[str] = set(Page.objects.child_of(index_page).values_list("slug", flat=True))
        self.fields: dict[str, Field] = {field.name: field for field in Field.objects.all()}
        self.field_slugs: set[str] = set(Field.objects.values_list("slug", flat=True))
        self.agencies: dict[str, Agency] = {}
        for agency in Agency.objects.order_by("-pk"):  # the oldest record wins on equal names
            self.agencies[clean_name(agency.name)] = agency
        self.agency_slugs: set[str] = set(Agency.objects.values_list("slug", flat=True))
        self.levels = {level.code: level for level in ImplementationLevelRecord.objects.all()}
        self._undo: list[tuple[object, object]] = []

    # --- savepoint bookkeeping ----------------------------------------------------------------
    def begin(self) -> None:
        self._undo = []

    def rollback(self) -> None:
        for container, key in reversed(self._undo):
            if isinstance(container, set):
                container.discard(key)
            else:
                container.pop(key, None)
        self._undo = []

    def _remember(self, container, key) -> None:
        self._undo.append((container, key))

    # --- pages -------------------------------------------------------------------------------
    def page_id(self, code: str) -> int | None:
        return self.pages.get(code)

    def add_page(self, code: str, pk: int) -> None:
        self.pages[code] = pk
        self._remember(self.pages, code)

    def new_slug(self, code: str) -> tuple[str, str]:
        """A free slug for a new page, from its code (`1.000178` → `1-000178`), and a note if it had to change."""
        base = ascii_slug(code, 240).lower() or "thu-tuc"
        slug, number = base, 1
        while slug in self.slugs:
            number += 1
            slug = f"{base}-{number}"
        self.slugs.add(slug)
        self._remember(self.slugs, slug)
        note = "" if slug == base else f"đường dẫn “{base}” đã có trang khác dùng, trang này dùng “{slug}”"
        return slug, note

    # --- taxonomy ------------------------------------------------------------------------------
    def prepare(self, *, field_names, agency_names) -> None:
        """Create the fields and agencies a batch names and that do not exist yet, in bulk.

        They are real names from the source; a record that then fails validation may leave its new
        agency or field behind (never a page).
        """
        new_fields = []
        for name in dict.fromkeys(filter(None, field_names)):
            if name not in self.fields:
                slug = self._free_slug(ascii_slug(name, FIELD_SLUG_MAX - 6) or "linh-vuc", self.field_slugs)
                new_fields.append(Field(name=name, slug=slug))
        new_agencies = []
        for name in dict.fromkeys(filter(None, agency_names)):
            if name not in self.agencies:
                slug = self._free_slug(ascii_slug(name, AGENCY_SLUG_MAX - 6) or "co-quan", self.agency_slugs)
                new_agencies.append(Agency(name=name, slug=slug))
        for model, objs, cache in ((Field, new_fields, self.fields), (Agency, new_agencies, self.agencies)):
            if not objs:
                continue
            model.objects.bulk_create(objs)
            if objs[0].pk is None:  # a backend that does not return ids from bulk inserts
                objs = list(model.objects.filter(slug__in=[obj.slug for obj in objs]))
            for obj in objs:
                cache[obj.name] = obj
            index_new_objects(model, objs)

    def field(self, name: str | None) -> Field | None:
        if not name:
            return None
        field = self.fields.get(name)
        if field is None:
            slug = self._free_slug(ascii_slug(name, FIELD_SLUG_MAX - 6) or "linh-vuc", self.field_slugs)
            field = Field.objects.create(name=name, slug=slug)
            index_new_objects(Field, [field])
            self.fields[name] = field
            self._remember(self.fields, name)
        return field

    def agency(self, name: str | None) -> Agency | None:
        if not name:
            return None
        agency = self.agencies.get(name)
        if agency is None:
            slug = self._free_slug(ascii_slug(name, AGENCY_SLUG_MAX - 6) or "co-quan", self.agency_slugs)
            agency = Agency.objects.create(name=name, slug=slug)
            index_new_objects(Agency, [agency])
            self.agencies[name] = agency
            self._remember(self.agencies, name)
        return agency

    def level_records(self, codes: list[str]) -> list[ImplementationLevelRecord]:
        records = []
        for code in codes:
            record = self.levels.get(code)
            if record is None:  # the rows come from a migration; a fresh test database has them too
                record, _created = ImplementationLevelRecord.objects.get_or_create(code=code)
                self.levels[code] = record
                self._remember(self.levels, code)
            records.append(record)
        return records

    def _free_slug(self, base: str, taken: set[str]) -> str:
        slug, number = base, 1
        while slug in taken:
            number += 1
            slug = f"{base}-{number}"
        taken.add(slug)
        self._remember(taken, slug)
        return slug
