"""Account forms (sign-up, sign-in labels). Not the `forms` app: that one holds online forms."""

from django import forms as dj
from django.contrib.auth import get_user_model, password_validation
from django.contrib.auth.forms import AuthenticationForm
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from core.validators import normalize_phone, validate_phone

from .services import may_sign_in


class SignInForm(AuthenticationForm):
    username = dj.CharField(
        label=_("Thư điện tử hoặc số điện thoại"),
        max_length=254,
        widget=dj.TextInput(attrs={"autofocus": True, "autocomplete": "username"}),
    )
    error_messages = {
        "invalid_login": _(
            "Thư điện tử/số điện thoại hoặc mật khẩu không đúng, hoặc tài khoản chưa được xác minh "
            "(mở đường dẫn trong thư chúng tôi gửi khi bạn đăng ký)."
        ),
        "inactive": _("Tài khoản này đã bị khóa."),
    }

    def confirm_login_allowed(self, user):
        super().confirm_login_allowed(user)
        # An unverified account gets the same answer as a wrong password: a different one would tell
        # an attacker that the address they just "registered" was free (docs/security.md).
        if not may_sign_in(user):
            raise self.get_invalid_login_error()


class RegisterForm(dj.Form):
    full_name = dj.CharField(
        label=_("Họ và tên"), max_length=150, widget=dj.TextInput(attrs={"autocomplete": "name"})
    )
    email = dj.EmailField(label=_("Thư điện tử"), widget=dj.EmailInput(attrs={"autocomplete": "email"}))
    phone = dj.CharField(
        label=_("Số điện thoại di động"),
        max_length=20,
        help_text=_("Dùng để đăng nhập và tra cứu hồ sơ."),
        widget=dj.TextInput(attrs={"inputmode": "tel", "autocomplete": "tel"}),
    )
    password1 = dj.CharField(
        label=_("Mật khẩu"),
        strip=False,
        widget=dj.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=_("Ít nhất 8 ký tự, không chỉ gồm chữ số, không quá phổ biến."),
    )
    password2 = dj.CharField(
        label=_("Nhập lại mật khẩu"),
        strip=False,
        widget=dj.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    # Whether the address or the phone number is taken is never said here (accounts.services.
    # register_citizen answers by e-mail), so that the form cannot be used to find who is registered.
    def clean_email(self):
        return self.cleaned_data["email"].strip().lower()

    def clean_phone(self):
        phone = self.cleaned_data["phone"]
        validate_phone(phone)
        return normalize_phone(phone)

    def clean(self):
        cleaned = super().clean()
        p1, p2 = cleaned.get("password1"), cleaned.get("password2")
        if p1 and p2 and p1 != p2:
            self.add_error("password2", _("Hai mật khẩu không khớp."))
        elif p1:
            user = get_user_model()(username=cleaned.get("email", ""), email=cleaned.get("email", ""))
            try:
                password_validation.validate_password(p1, user)
            except ValidationError as exc:
                self.add_error("password1", exc)
        return cleaned


class ResendVerificationForm(dj.Form):
    email = dj.EmailField(
        label=_("Thư điện tử đã dùng khi đăng ký"), widget=dj.EmailInput(attrs={"autocomplete": "email"})
    )
