"""Level history from Wagtail's documented page signals (page_published, page_unpublished).

These are Wagtail extension points, not a post_save chain between our apps: publishing a procedure
page appends a ProcedureLevelRecord when its level, completeness or status changed.
"""

from django.dispatch import receiver
from django.utils import timezone
from wagtail.signals import page_published, page_unpublished

from procedures.models import ProcedurePage

from .constants import LevelSource


def _day(page):
    moment = getattr(page, "last_published_at", None) or timezone.now()
    return timezone.localdate(moment)


@receiver(page_published)
def record_level_on_publish(sender, instance, revision=None, **kwargs):
    if not isinstance(instance, ProcedurePage) or kwargs.get("alias"):
        return
    from .services.history import record_level

    user = getattr(revision, "user", None)
    record_level(procedure=instance, source=LevelSource.PUBLISH, effective_date=_day(instance), user=user)


@receiver(page_unpublished)
def record_level_on_unpublish(sender, instance, **kwargs):
    if not isinstance(instance, ProcedurePage):
        return
    # Wagtail unpublishes a live page without saving it just before deleting it (pre_delete): the
    # row is still live in the database then. A record written now would point at a deleted page.
    if ProcedurePage.objects.filter(pk=instance.pk, live=True).exists():
        return
    from .services.history import record_level

    record_level(
        procedure=instance,
        source=LevelSource.PUBLISH,
        effective_date=timezone.localdate(),
        in_force=False,
        note="unpublished",
    )
