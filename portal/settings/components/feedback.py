"""Settings of the feedback app (owned by that app; imported by base.py). See docs/feedback.md."""

from ..env import env_int, env_str

# Proof of work on the public feedback and survey forms: leading zero bits of SHA-256 the browser
# must find (each extra bit doubles the average work). 0 = off: the forms then need no JavaScript.
# With it on, a visitor without JavaScript cannot send the form (the page says so). About 16–18 bits
# cost a phone well under a few seconds; a spammer pays the same per message.
FEEDBACK_POW_DIFFICULTY = env_int("FEEDBACK_POW_DIFFICULTY", 0)
# Seconds a challenge stays valid (and its nonce is remembered against replay).
FEEDBACK_POW_MAX_AGE = 2 * 60 * 60

# Rate limits, as (max attempts, window in seconds) pairs per scope. Counted in the default cache:
# in production that cache must be shared by every worker (CACHE_URL=redis://...).
FEEDBACK_RATE_LIMITS = {
    "submit_ip": [(5, 10 * 60), (30, 24 * 60 * 60)],
    "submit_contact": [(3, 60 * 60), (10, 24 * 60 * 60)],
    "lookup_ip": [(20, 10 * 60)],
    "survey_ip": [(10, 24 * 60 * 60)],
    "rating_ip": [(20, 60 * 60)],
    # Per dossier code too: many addresses together cannot hammer one dossier's rating page.
    "rating_code": [(10, 60 * 60)],
}

# Dossier statuses after which the applicant may rate the service (national codes, e.g. ["10"] =
# result returned). Empty: any submitted dossier may be rated, the rule while the back office does
# not return results yet.
FEEDBACK_RATABLE_DOSSIER_STATUSES: list[str] = []

# Text messages to senders who left only a phone number (feedback/sms.py, docs/feedback.md "SMS"):
# "none" (default, nothing sent), "console", "file" (FEEDBACK_SMS_FILE_PATH), "http" (a gateway:
# FEEDBACK_SMS_HTTP_URL, FEEDBACK_SMS_HTTP_TOKEN, FEEDBACK_SMS_SENDER), or a backend's dotted path.
FEEDBACK_SMS_BACKEND = env_str("FEEDBACK_SMS_BACKEND", "none")
FEEDBACK_SMS_FILE_PATH = env_str("FEEDBACK_SMS_FILE_PATH", "")
FEEDBACK_SMS_HTTP_URL = env_str("FEEDBACK_SMS_HTTP_URL", "")
FEEDBACK_SMS_HTTP_TOKEN = env_str("FEEDBACK_SMS_HTTP_TOKEN", "")
FEEDBACK_SMS_SENDER = env_str("FEEDBACK_SMS_SENDER", "")
FEEDBACK_SMS_HTTP_TIMEOUT = env_int("FEEDBACK_SMS_HTTP_TIMEOUT", 10)
