"""Settings shared by every app's defences (docs/security.md)."""

from ..env import env_int

# How many reverse proxies in front of the portal append the client's address to X-Forwarded-For
# (one nginx: 1; Varnish behind nginx: 2). 0: REMOTE_ADDR is the client (development). core/clients.py.
TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 0)
