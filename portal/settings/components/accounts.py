"""Settings of the accounts app (owned by that app; imported by base.py).

Sign-in: e-mail or phone + password (accounts.backends.EmailOrPhoneBackend). National single
sign-on (OpenID Connect, e.g. VNeID) is switched on by configuration alone: set OIDC_RP_CLIENT_ID
(and the endpoints below) and the "Đăng nhập bằng tài khoản định danh điện tử" button appears.
See docs/submission.md.
"""

from ..env import env_bool, env_str

AUTHENTICATION_BACKENDS = ["accounts.backends.EmailOrPhoneBackend"]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "accounts:my_dossiers"
LOGOUT_REDIRECT_URL = "/"
# Submitting a dossier requires a verified e-mail address (the receipt is mailed there).
ACCOUNTS_REQUIRE_VERIFIED_EMAIL = env_bool("ACCOUNTS_REQUIRE_VERIFIED_EMAIL", True)

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
