"""Settings of the accounts app (owned by that app; imported by base.py).

Sign-in: e-mail or phone + password (accounts.backends.EmailOrPhoneBackend). National single
sign-on (OpenID Connect, e.g. VNeID) is switched on by configuration alone: set OIDC_RP_CLIENT_ID
(and the endpoints below) and the "Đăng nhập bằng tài khoản định danh điện tử" button appears.
See docs/submission.md.
"""

from datetime import timedelta

from ..env import env_bool, env_int, env_str

# django-axes first: it refuses a locked-out account or address before any password is checked.
AUTHENTICATION_BACKENDS = ["accounts.backends.LockoutBackend", "accounts.backends.EmailOrPhoneBackend"]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "accounts:my_dossiers"
LOGOUT_REDIRECT_URL = "/"
# Submitting a dossier requires a verified e-mail address (the receipt is mailed there).
ACCOUNTS_REQUIRE_VERIFIED_EMAIL = env_bool("ACCOUNTS_REQUIRE_VERIFIED_EMAIL", True)

# --- Password guessing (django-axes; docs/security.md) ---------------------------------------
# After AXES_FAILURE_LIMIT wrong passwords for one account (whatever the address), sign-in to it is
# refused for AXES_COOLOFF_MINUTES, on the citizens' page and the admin's; administrators unlock at
# /admin/khoa-dang-nhap/. One address has a larger budget of failures over all accounts
# (ACCOUNTS_SIGNIN_ADDRESS_LIMITS): many citizens share an address behind a mobile carrier's NAT.
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 10)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("AXES_COOLOFF_MINUTES", 30))
AXES_LOCKOUT_PARAMETERS = ["username"]
ACCOUNTS_SIGNIN_ADDRESS_LIMITS = [(env_int("SIGNIN_ADDRESS_FAILURE_LIMIT", 50), 30 * 60)]
# axes warns when addresses are not among its lockout parameters: they are limited here instead
# (accounts.security.address_locked, checked by accounts.backends.LockoutBackend before axes).
SILENCED_SYSTEM_CHECKS = ["axes.W006"]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
AXES_CLIENT_IP_CALLABLE = "accounts.security.lockout_ip"
# Failures are what counts; successful sign-ins are not logged by axes (the portal has its own logs).
AXES_DISABLE_ACCESS_LOG = True
AXES_USERNAME_CALLABLE = "accounts.security.lockout_username"
AXES_VERBOSE = False
# Password reset e-mails: per address asked for, and per client address (core.ratelimit).
ACCOUNTS_PASSWORD_RESET_LIMITS = {
    "password_reset_email": [(3, 60 * 60), (6, 24 * 60 * 60)],
    "password_reset_ip": [(10, 60 * 60)],
}
# Sign-up (accounts.views.register): per client address, answered with a message when exceeded;
# per e-mail address (verification or "already registered" mails), silently (nothing is revealed).
ACCOUNTS_REGISTER_LIMITS = {
    "register_ip": [(20, 60 * 60)],
    "register_email": [(3, 60 * 60), (6, 24 * 60 * 60)],
}

# --- OpenID Connect (mozilla-django-oidc), off unless OIDC_RP_CLIENT_ID is set ------------------
OIDC_RP_CLIENT_ID = env_str("OIDC_RP_CLIENT_ID", "")
OIDC_ENABLED = bool(OIDC_RP_CLIENT_ID)
OIDC_PROVIDER_LABEL = env_str("OIDC_PROVIDER_LABEL", "Tài khoản định danh điện tử (VNeID)")
if OIDC_ENABLED:
    OIDC_RP_CLIENT_SECRET = env_str("OIDC_RP_CLIENT_SECRET", "")
    OIDC_RP_SIGN_ALGO = env_str("OIDC_RP_SIGN_ALGO", "RS256")
    OIDC_OP_AUTHORIZATION_ENDPOINT = env_str("OIDC_OP_AUTHORIZATION_ENDPOINT", "")
    OIDC_OP_TOKEN_ENDPOINT = env_str("OIDC_OP_TOKEN_ENDPOINT", "")
    OIDC_OP_USER_ENDPOINT = env_str("OIDC_OP_USER_ENDPOINT", "")
    OIDC_OP_JWKS_ENDPOINT = env_str("OIDC_OP_JWKS_ENDPOINT", "")
    OIDC_RP_SCOPES = env_str("OIDC_RP_SCOPES", "openid email phone profile")
    # Claim names differ between providers; these map them onto the citizen profile.
    OIDC_CLAIM_CITIZEN_ID = env_str("OIDC_CLAIM_CITIZEN_ID", "citizen_id")
    OIDC_CLAIM_PHONE = env_str("OIDC_CLAIM_PHONE", "phone_number")
    OIDC_CLAIM_NAME = env_str("OIDC_CLAIM_NAME", "name")
    LOGIN_REDIRECT_URL_FAILURE = "/tai-khoan/dang-nhap/"
    OIDC_AUTHENTICATION_CALLBACK_URL = "accounts:oidc_authentication_callback"
    AUTHENTICATION_BACKENDS = ["accounts.oidc.CitizenOIDCBackend", *AUTHENTICATION_BACKENDS]
