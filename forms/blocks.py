"""StreamField blocks with which editors describe the steps and fields of an online form."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from .constants import FieldKind


class FieldBlock(blocks.StructBlock):
    label = blocks.CharBlock(label=_("nhãn (câu hỏi)"), max_length=255)
    name = blocks.RegexBlock(
        regex=r"^[a-z][a-z0-9_]{0,40}$",
        required=False,
        label=_("mã trường"),
        help_text=_(
            "Chữ thường không dấu, số, gạch dưới; để trống để tự tạo từ nhãn. Không đổi sau khi dùng."
        ),
        error_messages={"invalid": _("Chỉ dùng chữ thường không dấu, số và gạch dưới; bắt đầu bằng chữ.")},
    )
    kind = blocks.ChoiceBlock(choices=FieldKind.choices, default=FieldKind.TEXT, label=_("loại"))
    required = blocks.BooleanBlock(required=False, default=True, label=_("bắt buộc"))
    help_text = blocks.CharBlock(required=False, max_length=500, label=_("hướng dẫn"))
    choices = blocks.TextBlock(
        required=False, label=_("các lựa chọn"), help_text=_("Với loại 'chọn một': mỗi lựa chọn một dòng.")
    )
    min_value = blocks.IntegerBlock(required=False, label=_("giá trị nhỏ nhất (số)"))
    max_value = blocks.IntegerBlock(required=False, label=_("giá trị lớn nhất (số)"))
    max_length = blocks.IntegerBlock(required=False, min_value=1, max_value=5000, label=_("độ dài tối đa"))

    class Meta:
        icon = "form"
        label = _("trường")


class StepBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("tên bước"), max_length=120)
    intro = blocks.TextBlock(required=False, label=_("hướng dẫn của bước"))
    fields = blocks.ListBlock(FieldBlock(), label=_("các trường"))

    class Meta:
        icon = "list-ol"
        label = _("bước")
