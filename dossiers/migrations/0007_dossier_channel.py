# Counter and postal dossiers registered by reception officers (docs/backoffice.md, "Counter and
# postal dossiers"). Existing dossiers were all submitted online: the default fills them.

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("dossiers", "0006_dossier_transfer"),
        ("forms", "0002_formversion_outlives_form"),
    ]

    operations = [
        migrations.AddField(
            model_name="dossier",
            name="channel",
            field=models.CharField(
                choices=[
                    ("online", "Trực tuyến"),
                    ("counter", "Trực tiếp tại bộ phận một cửa"),
                    ("postal", "Bưu chính"),
                ],
                default="online",
                max_length=10,
                verbose_name="kênh nộp",
            ),
        ),
        migrations.AddField(
            model_name="dossier",
            name="received_documents",
            field=models.JSONField(blank=True, default=list, verbose_name="giấy tờ bản giấy đã nhận"),
        ),
        migrations.AlterField(
            model_name="dossier",
            name="form_version",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="dossiers",
                to="forms.formversion",
            ),
        ),
    ]
