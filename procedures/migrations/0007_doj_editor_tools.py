"""Give the Department of Justice editors their tools besides the catalog (issue 19): the online
forms, the search query report, the synonym list and the promoted results (procedures.permissions,
DOJ_TOOLS). Idempotent: setup_editorial_roles only adds what is missing."""

from django.db import migrations


def forwards(apps, schema_editor):
    from procedures.permissions import setup_editorial_roles

    setup_editorial_roles(apps=apps)


class Migration(migrations.Migration):
    dependencies = [
        ("agencies", "0004_code_validation"),
        ("forms", "0003_steps_help_text"),
        ("procedures", "0006_fee_at_submission"),
        ("search", "0002_starting_synonyms"),
        ("wagtailsearchpromotions", "0008_query_verbose_name"),
    ]
    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
