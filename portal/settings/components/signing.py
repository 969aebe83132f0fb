"""Settings of the signing app (owned by that app; imported by base.py; docs/signing.md).

The portal signs result documents with each agency's key (signing.SigningKey) and verifies signed
documents against the trusted roots below.
"""

from pathlib import Path

from ..env import env_bool, env_int, env_list, env_str
from .dossiers import PRIVATE_MEDIA_ROOT

# Where the demo certificate authority and demo agency keys are written (make run), and where a
# relative PKCS#12 path of a SigningKey is read. Never under MEDIA_ROOT.
SIGNING_DIR = Path(env_str("SIGNING_DIR", str(PRIVATE_MEDIA_ROOT / "signing")))
# PEM files of the certificate authorities whose certificates the portal trusts when verifying
# (the national root CA of specialised digital signatures, a public CA's root…), comma-separated.
SIGNING_TRUST_ROOTS = env_list("SIGNING_TRUST_ROOTS", "")
# The local demo certificate authority (SIGNING_DIR/demo-ca.pem) is trusted too: development and
# tests only. Production settings switch it off.
SIGNING_DEMO_CA = env_bool("SIGNING_DEMO_CA", True)
# An RFC 3161 time-stamping authority: when set, every signature gets a trusted timestamp.
SIGNING_TSA_URL = env_str("SIGNING_TSA_URL", "")
SIGNING_TSA_TIMEOUT = env_int("SIGNING_TSA_TIMEOUT", 10)
# Where the signature says it was made (the /Location of the signature).
SIGNING_LOCATION = env_str("SIGNING_LOCATION", "Long An, Việt Nam")
# Largest file the public verification page and API accept.
SIGNING_VERIFY_MAX_BYTES = env_int("SIGNING_VERIFY_MAX_MB", 20) * 1024 * 1024
