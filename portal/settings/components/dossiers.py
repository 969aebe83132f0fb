"""Settings of the dossiers app (owned by that app; imported by base.py).

Also holds the working-day calendar (workdays app) and the online-submission settings. Every
environment variable is documented in docs/submission.md.
"""

from pathlib import Path

from ..env import env_int, env_list, env_str

_BASE_DIR = Path(__file__).resolve().parents[3]

# Uploaded dossier files live outside MEDIA_ROOT (never served by the web server or by
# `static()` in DEBUG); only dossiers.views.serve_file hands them out, to the owner or to staff.
PRIVATE_MEDIA_ROOT = Path(env_str("PRIVATE_MEDIA_ROOT", str(_BASE_DIR / "private_media")))

# Virus scanning of uploads: "none" (development) or "clamd" (ClamAV daemon over a Unix socket
# or TCP). With "clamd", an unreachable daemon refuses the upload (fail closed).
DOSSIER_VIRUS_SCANNER = env_str("VIRUS_SCANNER", "none")
CLAMD_SOCKET = env_str("CLAMD_SOCKET", "/var/run/clamav/clamd.ctl")
CLAMD_HOST = env_str("CLAMD_HOST", "")  # when set, TCP instead of the socket
CLAMD_PORT = env_int("CLAMD_PORT", 3310)
CLAMD_TIMEOUT = env_int("CLAMD_TIMEOUT", 30)

# Hard upper limits, whatever an editor configures on an upload slot.
DOSSIER_UPLOAD_MAX_BYTES = env_int("DOSSIER_UPLOAD_MAX_MB", 20) * 1024 * 1024
DOSSIER_UPLOAD_MAX_IMAGE_PIXELS = 40_000_000
# Stored files no row refers to (a worker killed mid-upload) are removed after this many hours
# (manage.py sweep_orphan_files; docs/security.md).
DOSSIER_ORPHAN_FILE_HOURS = env_int("DOSSIER_ORPHAN_FILE_HOURS", 6)
# Drafts untouched for this many days are deleted with their files by the cleanup task.
DOSSIER_DRAFT_RETENTION_DAYS = env_int("DOSSIER_DRAFT_RETENTION_DAYS", 30)
# Status lookup: at most N attempts per IP address per window (seconds); counted in the cache.
DOSSIER_LOOKUP_RATE = (env_int("DOSSIER_LOOKUP_LIMIT", 10), env_int("DOSSIER_LOOKUP_WINDOW", 600))
# Addresses: the province preselected in address fields (vietnam-provinces code; 80 = Tây Ninh).
ADDRESS_DEFAULT_PROVINCE_CODE = env_int("ADDRESS_DEFAULT_PROVINCE_CODE", 80)

# Working-day calendar (workdays app): working periods of a working day, local time.
WORKDAYS_HOURS = [
    tuple(period.split("-", 1)) for period in env_list("WORKDAYS_HOURS", "07:30-11:30,13:00-17:00")
]
# Back office: slug of the agency that receives every online dossier (a public administration
# centre, Decree 118/2025); empty = each dossier is received by its procedure's implementing agency.
DOSSIER_RECEIVING_UNIT = env_str("DOSSIER_RECEIVING_UNIT", "")
