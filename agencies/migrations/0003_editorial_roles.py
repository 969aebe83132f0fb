"""Create the editorial groups every installation needs (production included) and the review workflow.

"Biên tập viên Sở Tư pháp" (edit and publish everything), "Người duyệt" (approve in the workflow
"Duyệt thủ tục hành chính"). The logic lives in procedures.permissions.setup_editorial_roles, which
runs here on historical models and again (idempotently) when the catalog index page is created.
"""

from django.db import migrations


def forwards(apps, schema_editor):
    from procedures.permissions import setup_editorial_roles

    setup_editorial_roles(apps=apps)


class Migration(migrations.Migration):
    dependencies = [
        ("agencies", "0002_agency_editor_group"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("home", "0003_create_homepage"),
        ("procedures", "0002_implementation_levels"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtaildocs", "0014_alter_document_file_size"),
    ]
    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
