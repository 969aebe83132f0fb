"""The monitoring agency's role: the group "Giám sát lộ trình" and its permissions (idempotent).

Runs from the data migration roadmap/0002 (historical models) and can be called again safely.
"""

from django.apps import apps as global_apps

from .constants import MONITOR_GROUP_NAME

__all__ = ["MONITOR_PERMISSIONS", "setup_monitor_role"]

_MODELS = [
    "roadmap",
    "roadmapitem",
    "itemprocedurelink",
    "procedurelevelrecord",
    "onestoprecord",
    "agencyaccess",
]
MONITOR_PERMISSIONS = [("wagtailadmin", "admin", "access_admin")] + [
    ("roadmap", model, f"{action}_{model}")
    for model in _MODELS
    for action in ("add", "change", "delete", "view")
]


def setup_monitor_role(*, apps=global_apps):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    group, _created = Group.objects.get_or_create(name=MONITOR_GROUP_NAME)
    for app_label, model, codename in MONITOR_PERMISSIONS:
        content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
        # Created here when the migration runs before Django's post_migrate creates them.
        if app_label == "roadmap":
            name = (
                f"Can {codename.split('_', 1)[0]} {apps.get_model(app_label, model)._meta.verbose_name_raw}"
            )
        else:
            name = "Can access Wagtail admin"
        permission, _ = Permission.objects.get_or_create(
            content_type=content_type, codename=codename, defaults={"name": name[:255]}
        )
        group.permissions.add(permission)
    return group
