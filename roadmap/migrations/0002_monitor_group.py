"""Create the group "Giám sát lộ trình" (the monitoring agency) with its permissions."""

from django.db import migrations


def forwards(apps, schema_editor):
    from roadmap.roles import setup_monitor_role

    setup_monitor_role(apps=apps)


class Migration(migrations.Migration):
    dependencies = [
        ("roadmap", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
    ]
    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
