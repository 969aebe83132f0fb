"""Sign in with an e-mail address or a Vietnamese phone number (or a staff username) + password."""

from axes.backends import AxesStandaloneBackend
from axes.exceptions import AxesBackendPermissionDenied
from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend

from core.validators import normalize_phone

__all__ = ["EmailOrPhoneBackend", "LockoutBackend"]


class EmailOrPhoneBackend(ModelBackend):
    def authenticate(self, request, username=None, password=None, **kwargs):
        User = get_user_model()
        identifier = (username or kwargs.get(User.USERNAME_FIELD) or "").strip()
        if not identifier or password is None:
            return None
        if "@" in identifier:
            candidates = User._default_manager.filter(email__iexact=identifier)
        else:
            phone = normalize_phone(identifier)
            if phone.isdigit():
                candidates = User._default_manager.filter(citizen_profile__phone=phone)
            else:
                candidates = User._default_manager.filter(**{User.USERNAME_FIELD: identifier})
        users = list(candidates[:2])
        if len(users) != 1:
            # Run the hasher anyway so that timing does not reveal whether an account exists.
            User().set_password(password)
            return None
        user = users[0]
        if user.check_password(password) and self.user_can_authenticate(user):
            return user
        return None


class LockoutBackend(AxesStandaloneBackend):
    """django-axes' lockout check for every sign-in that comes with an HTTP request (the citizens'
    page, the admin's). A credential check without a request (internal code, the test client's
    `login()`) is not a guess from outside: the next backend handles it."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        from .security import address_locked

        if address_locked(request):
            # The address's own budget is spent: answered like an account lockout (AxesMiddleware).
            request.axes_locked_out = True
            request.axes_credentials = {"username": username}
            raise AxesBackendPermissionDenied("address locked out")
        return super().authenticate(request, username=username, password=password, **kwargs)
