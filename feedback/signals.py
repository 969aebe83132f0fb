"""What feedback changes on public pages (core.pagecache): a question and answer that appears or
disappears, and the surveys offered. A new or private feedback, a rating or a survey answer changes no
page (ratings reach pages only as figures, as old as a cached copy may be)."""

from core.pagecache import bump_content_version, watch_models

from .constants import FeedbackStatus

__all__ = ["connect_page_cache"]


def _remember_status(sender, instance, **kwargs):
    instance.__dict__["_status_loaded"] = instance.__dict__.get("status")


def _bump_for_public_feedback(sender, instance, **kwargs):
    if FeedbackStatus.PUBLISHED in (instance.status, instance.__dict__.get("_status_loaded")):
        bump_content_version()
    instance.__dict__["_status_loaded"] = instance.status


def connect_page_cache() -> None:
    from django.apps import apps
    from django.db.models.signals import post_delete, post_init, post_save

    from .models import Feedback

    post_init.connect(_remember_status, sender=Feedback, dispatch_uid="pages_feedback_status", weak=False)
    post_save.connect(
        _bump_for_public_feedback, sender=Feedback, dispatch_uid="pages_feedback_save", weak=False
    )
    post_delete.connect(
        _bump_for_public_feedback, sender=Feedback, dispatch_uid="pages_feedback_delete", weak=False
    )
    private = {"feedback", "feedbackevent", "servicerating", "surveyresponse", "surveyanswer"}
    watch_models(
        *(m for m in apps.get_app_config("feedback").get_models() if m._meta.model_name not in private)
    )
