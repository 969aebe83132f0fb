from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _


class VerifyForm(forms.Form):
    file = forms.FileField(
        label=_("Văn bản cần kiểm tra (PDF)"),
        help_text=_(
            "Tệp PDF kết quả giải quyết bạn nhận được; tối đa 20 MB. Tệp chỉ được kiểm tra, không được lưu lại."
        ),
        error_messages={
            "required": _("Chọn tệp PDF cần kiểm tra."),
            "empty": _("Tệp rỗng: hãy chọn lại tệp."),
        },
        widget=forms.ClearableFileInput(attrs={"accept": "application/pdf,.pdf"}),
    )

    def clean_file(self):
        uploaded = self.cleaned_data["file"]
        if uploaded.size > settings.SIGNING_VERIFY_MAX_BYTES:
            raise forms.ValidationError(
                _("Tệp lớn hơn %(mb)s MB: Cổng không kiểm tra tệp lớn như vậy.")
                % {"mb": settings.SIGNING_VERIFY_MAX_BYTES // (1024 * 1024)}
            )
        return uploaded
