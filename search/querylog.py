"""Anonymous query statistics per week, and the report editors read."""

import re
from datetime import date, timedelta

from django.db import IntegrityError, transaction
from django.db.models import F, Sum
from django.utils import timezone

from .models import QueryStat
from .text import fold

__all__ = ["anonymise", "log_query", "week_of", "weekly_report"]

_EMAIL = re.compile(r"\S+@\S+")
_LONG_NUMBER = re.compile(r"\d{7,}")
MAX_LENGTH = 200


def anonymise(raw: str) -> str:
    """Folded query with e-mail addresses dropped and long numbers (ID card, phone) masked."""
    text = fold(_EMAIL.sub(" ", raw or ""))
    return _LONG_NUMBER.sub("#", text)[:MAX_LENGTH].strip()


def week_of(day: date) -> date:
    return day - timedelta(days=day.weekday())


def log_query(raw: str, *, result_count: int, day: date | None = None) -> None:
    """Count one search of this query this week (no user, no IP, no time of day)."""
    query = anonymise(raw)
    if not query:
        return
    week = week_of(day or timezone.localdate())
    zero = 1 if result_count == 0 else 0
    changes = {
        "searches": F("searches") + 1,
        "zero_results": F("zero_results") + zero,
        "last_result_count": result_count,
    }
    if QueryStat.objects.filter(week=week, query=query).update(**changes):
        return
    try:
        with transaction.atomic():
            QueryStat.objects.create(
                week=week, query=query, searches=1, zero_results=zero, last_result_count=result_count
            )
    except IntegrityError:
        QueryStat.objects.filter(week=week, query=query).update(**changes)


def weekly_report(*, week: date | None = None, limit: int = 50) -> dict:
    """The most frequent queries and the queries that found nothing, for one week (default: latest)."""
    weeks = list(QueryStat.objects.order_by("-week").values_list("week", flat=True).distinct()[:26])
    if week is None:
        week = weeks[0] if weeks else week_of(timezone.localdate())
    rows = QueryStat.objects.filter(week=week)
    totals = rows.aggregate(searches=Sum("searches"), zero=Sum("zero_results"))
    return {
        "week": week,
        "weeks": weeks,
        "searches": totals["searches"] or 0,
        "zero_searches": totals["zero"] or 0,
        "distinct": rows.count(),
        "top": list(rows.order_by("-searches", "query")[:limit]),
        "zero_results": list(rows.filter(zero_results__gt=0).order_by("-zero_results", "query")[:limit]),
    }
