"""Create the Department of Justice moderators' group (see feedback/roles.py)."""

from django.db import migrations


def forwards(apps, schema_editor):
    from feedback.roles import setup_moderation_roles

    setup_moderation_roles(apps=apps)


class Migration(migrations.Migration):
    dependencies = [
        ("feedback", "0002_service_rating"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
    ]
    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
