"""E-mail templates of status changes, editable in the admin (Wagtail snippet, backoffice app).

One template per action; subject and body are Django template text rendered with `dossier`,
`change` (the StatusChange), `status` (its label), `reason`, `due_date`, `dossier_url` and
`site_name`. Defaults come from a data migration (dossiers/notification_defaults.py).
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.template import Context, Engine, TemplateSyntaxError
from django.utils.translation import gettext_lazy as _

from ..constants import Action

__all__ = ["NotificationTemplate", "render_template_text"]

_ENGINE = Engine(autoescape=False)


def render_template_text(text: str, context: dict) -> str:
    return _ENGINE.from_string(text).render(Context(context, autoescape=False))


class NotificationTemplate(models.Model):
    action = models.CharField(_("thao tác"), max_length=24, choices=Action.choices, unique=True)
    enabled = models.BooleanField(_("gửi thư"), default=True)
    subject = models.CharField(_("tiêu đề"), max_length=255)
    body = models.TextField(
        _("nội dung"),
        help_text=_(
            "Có thể dùng: {{ dossier.code }}, {{ dossier.procedure_name }}, {{ dossier.applicant_name }}, "
            "{{ status }}, {{ reason }}, {{ due_date }}, {{ dossier_url }}, {{ site_name }}."
        ),
    )
    updated_at = models.DateTimeField(_("cập nhật lúc"), auto_now=True)

    class Meta:
        verbose_name = _("mẫu thư thông báo")
        verbose_name_plural = _("mẫu thư thông báo")
        ordering = ["action"]

    def __str__(self) -> str:
        return self.get_action_display()

    def clean(self):
        for field in ("subject", "body"):
            try:
                _ENGINE.from_string(getattr(self, field))
            except TemplateSyntaxError as error:
                raise ValidationError({field: _("Mẫu không hợp lệ: %(error)s") % {"error": error}}) from error
