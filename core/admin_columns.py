"""Columns for the admin's listings. A model's yes/no field shown as it is prints "True" or "False" (in
English, whatever the language): `yes_no` prints a word of the reader's language instead."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column

__all__ = ["yes_no"]


class YesNoColumn(Column):
    def __init__(self, name, *, yes, no, **kwargs):
        super().__init__(name, **kwargs)
        self.yes, self.no = yes, no

    def get_value(self, instance):
        return self.yes if getattr(instance, self.name) else self.no


YES, NO = _("Có"), _("Không")


def yes_no(name: str, model, *, yes=YES, no=NO) -> YesNoColumn:
    """A listing column for the boolean field `name` of `model`, headed by the field's own label."""
    label = model._meta.get_field(name).verbose_name
    return YesNoColumn(name, label=str(label)[:1].upper() + str(label)[1:], yes=yes, no=no, sort_key=name)
