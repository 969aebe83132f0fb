"""The moderation role every installation needs: "Kiểm duyệt góp ý – Sở Tư pháp".

Created by the data migration feedback/0003 (with the migration's historical models) and callable
again at any time (idempotent). Agency moderators are the members of an agency's editor group
(Agency.editor_group) once that group is given "moderate_agency_feedback" in Settings → Groups.
"""

from django.apps import apps as global_apps

__all__ = ["DOJ_MODERATORS_GROUP", "setup_moderation_roles"]

DOJ_MODERATORS_GROUP = "Kiểm duyệt góp ý – Sở Tư pháp"

# (app_label, model, codename, name)
_DOJ_PERMISSIONS = [
    ("wagtailadmin", "admin", "access_admin", "Can access Wagtail admin"),
    ("feedback", "feedback", "moderate_all_feedback", "Kiểm duyệt mọi góp ý (Sở Tư pháp)"),
    ("feedback", "feedback", "view_feedback", "Can view góp ý"),
    ("feedback", "survey", "add_survey", "Can add khảo sát mức độ hài lòng"),
    ("feedback", "survey", "change_survey", "Can change khảo sát mức độ hài lòng"),
    ("feedback", "survey", "delete_survey", "Can delete khảo sát mức độ hài lòng"),
    ("feedback", "survey", "view_survey", "Can view khảo sát mức độ hài lòng"),
    ("feedback", "servicerating", "view_servicerating", "Can view đánh giá hồ sơ"),
]


def setup_moderation_roles(*, apps=global_apps):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    group, _created = Group.objects.get_or_create(name=DOJ_MODERATORS_GROUP)
    for app_label, model, codename, name in _DOJ_PERMISSIONS:
        content_type, _created = ContentType.objects.get_or_create(app_label=app_label, model=model)
        permission, _created = Permission.objects.get_or_create(
            content_type=content_type, codename=codename, defaults={"name": name}
        )
        group.permissions.add(permission)
    return group
