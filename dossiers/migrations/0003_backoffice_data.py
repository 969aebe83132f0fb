"""Back office data: units of existing dossiers, the officers' group, default e-mail templates."""

from django.db import migrations


def forwards(apps, schema_editor):
    from dossiers.models.officers import ensure_officers_group
    from dossiers.notification_defaults import DEFAULTS

    Dossier = apps.get_model("dossiers", "Dossier")
    for dossier in Dossier.objects.filter(receiving_unit__isnull=True).select_related("procedure"):
        procedure = dossier.procedure
        competent = None
        if procedure is not None:
            competent = procedure.implementing_agency_id or procedure.competent_agency_id
        competent = competent or dossier.agency_id
        Dossier.objects.filter(pk=dossier.pk).update(
            receiving_unit_id=competent, competent_agency_id=competent, status_changed_at=dossier.submitted_at
        )
    ensure_officers_group(apps=apps)
    NotificationTemplate = apps.get_model("dossiers", "NotificationTemplate")
    for action, (subject, body) in DEFAULTS.items():
        NotificationTemplate.objects.get_or_create(action=str(action), defaults={"subject": subject, "body": body})


class Migration(migrations.Migration):
    dependencies = [
        ("dossiers", "0002_backoffice"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
    ]
    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
