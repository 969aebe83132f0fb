"""Statistics queries compiled once and run with new values (docs/statistics.md, "Benchmark").

The dashboards' aggregate queries (a dozen filtered sums, correlated subqueries on the level history)
are defined with the ORM, once, and the pages, exports and tests share those definitions. Building
and compiling such a queryset costs Django several milliseconds on every call, more than PostgreSQL
takes to run it over the summary tables. A CompiledQuery builds the queryset once per database
connection with placeholder values (dates and ids no row has), keeps its SQL and parameters, and on
each call puts the real values where the placeholders stand; rows come back through Django's own
converters, as `.values()` gives them.

Only values that end up as query parameters can be placeholders (dates compared with date columns,
aware datetimes compared with datetime columns, integer ids); a placeholder found in the SQL text itself is refused at compile time. A value that
changes the shape of the query (None: a filter left out) gives a separate compiled form.
"""

import datetime
import weakref

from django.db import connections

__all__ = ["CompiledQuery"]

_FIRST_DATE = datetime.date(1001, 1, 1)
_FIRST_ID = -1_000_000_001


def _placeholder(name_index: int, value):
    if isinstance(value, datetime.datetime):
        if value.tzinfo is None:
            raise TypeError("CompiledQuery: naive datetimes are not supported")
        return datetime.datetime(_FIRST_DATE.year + name_index, 1, 1, tzinfo=datetime.UTC)
    if isinstance(value, datetime.date):
        return _FIRST_DATE.replace(year=_FIRST_DATE.year + name_index)
    if isinstance(value, int) and not isinstance(value, bool):
        return _FIRST_ID - name_index
    raise TypeError(f"CompiledQuery: unsupported value {value!r}")


class _Compiled:
    def __init__(self, queryset, placeholders: dict, alias: str):
        connection = connections[alias]
        query = queryset.query
        self.compiler = query.get_compiler(using=alias)
        self.sql, params = self.compiler.as_sql()
        self.params = list(params)
        self.names = (
            list(query.selected)
            if getattr(query, "selected", None)
            else [
                *query.extra_select,
                *query.values_select,
                *query.annotation_select,
            ]
        )
        self.adapt = {}
        self.slots = []  # (position in params, value name)
        by_param = {}
        for name, placeholder in placeholders.items():
            if isinstance(placeholder, datetime.datetime):
                adapt = connection.ops.adapt_datetimefield_value
                text = placeholder.date().isoformat()
            elif isinstance(placeholder, datetime.date):
                adapt = connection.ops.adapt_datefield_value
                text = placeholder.isoformat()
            else:
                adapt = int
                text = str(placeholder)
            if text in self.sql:
                raise ValueError(f"CompiledQuery: {name} is written into the SQL, not passed as a parameter")
            self.adapt[name] = adapt
            by_param[adapt(placeholder)] = name
        for index, param in enumerate(self.params):
            try:
                name = by_param.get(param)
            except TypeError:  # an unhashable parameter (a list) is never a placeholder
                name = None
            if name is not None:
                self.slots.append((index, name))

    def params_for(self, values: dict) -> list:
        params = list(self.params)
        for index, name in self.slots:
            params[index] = self.adapt[name](values[name])
        return params

    def run(self, values: dict, alias: str) -> list[dict]:
        params = self.params_for(values)
        with connections[alias].cursor() as cursor:
            cursor.execute(self.sql, params)
            fetched = cursor.fetchall()
        if self.compiler.has_extra_select:
            fetched = [row[: self.compiler.col_count] for row in fetched]
        names = self.names
        return [dict(zip(names, row, strict=True)) for row in self.compiler.results_iter(results=[fetched])]


class CompiledQuery:
    """`CompiledQuery(build)`: build(**values) returns a `.values(...)` queryset; `.rows(**values)`
    runs it and returns its rows as dicts, compiling on the first call per connection and shape."""

    def __init__(self, build, *, using: str = "default"):
        self.build = build
        self.using = using
        self._compiled = weakref.WeakKeyDictionary()  # connection → {shape: _Compiled}

    def rows(self, **values) -> list[dict]:
        return self._compiled_for(values).run(values, self.using)

    def sql_with_params(self, **values) -> tuple[str, list]:
        """The SQL and parameters for these values, to embed in a larger raw query."""
        compiled = self._compiled_for(values)
        return compiled.sql, compiled.params_for(values)

    def _compiled_for(self, values: dict) -> "_Compiled":
        connection = connections[self.using]
        shape = tuple(sorted(name for name, value in values.items() if value is None))
        per_connection = self._compiled.setdefault(connection, {})
        compiled = per_connection.get(shape)
        if compiled is None:
            placeholders = {
                name: _placeholder(index, value)
                for index, (name, value) in enumerate(sorted(values.items()))
                if value is not None
            }
            queryset = self.build(**{name: placeholders.get(name) for name in values})
            compiled = per_connection[shape] = _Compiled(queryset, placeholders, self.using)
        return compiled
