from django.db import migrations

LEVELS = ["ministry", "province", "district", "commune", "other"]


def create_levels(apps, schema_editor):
    Level = apps.get_model("procedures", "ImplementationLevelRecord")
    for code in LEVELS:
        Level.objects.get_or_create(code=code)


class Migration(migrations.Migration):
    dependencies = [("procedures", "0001_initial")]
    operations = [migrations.RunPython(create_levels, migrations.RunPython.noop)]
