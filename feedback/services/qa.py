"""The public Q&A: published questions with their official answers, searchable without diacritics."""

from search.text import fold

from ..models import Feedback

__all__ = ["fold", "published_questions", "search_published", "search_text_for"]


def published_questions(*, procedure=None):
    """Published items, newest first; only the public fields are meant to be shown."""
    items = Feedback.objects.published().select_related("procedure", "agency")
    if procedure is not None:
        items = items.filter(procedure=procedure)
    return items.order_by("-published_at", "-pk")


def search_published(*, query: str = "", procedure=None):
    """Published items where every word of `query` starts a word of the question or answer.

    Both sides are folded (no diacritics, đ -> d), so "dang ky" finds "Đăng ký" and vice versa.
    """
    items = published_questions(procedure=procedure)
    for word in fold(query).split()[:10]:
        items = items.filter(search_text__contains=f" {word}")
    return items


def search_text_for(*, question: str, reply: str) -> str:
    """What `search_published` matches against: folded words between spaces."""
    return f" {fold(question)} {fold(reply)} "
