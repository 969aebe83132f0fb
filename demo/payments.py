"""The demo pays a dossier's fee for real through the in-project gateway simulator (docs/payments.md):
the same HTTP round trips as a citizen's browser and the gateway's IPN, against a short-lived local
server (the portal is not serving yet while `make run` loads the demo)."""

from __future__ import annotations

import threading
import urllib.parse
import urllib.request
from contextlib import contextmanager

from django.conf import settings
from django.core import signals
from django.core.handlers.wsgi import WSGIHandler
from django.core.servers.basehttp import ThreadedWSGIServer, WSGIRequestHandler
from django.db import DEFAULT_DB_ALIAS, close_old_connections, connections
from django.urls import reverse

__all__ = ["pay_through_simulator"]


class _QuietHandler(WSGIRequestHandler):
    def log_message(self, *args):
        pass


class _Server(ThreadedWSGIServer):
    def _close_connections(self):
        pass  # the connection is the caller's (shared below), not the request thread's to close


@contextmanager
def _local_portal():
    """Serve the portal on 127.0.0.1 (a free port) in threads that use the caller's database
    connection, as Django's live server does in tests: the caller's transaction (the demo loader's,
    a test's) sees and keeps what the requests write. Yields its base URL; every link the payment
    makes (gateway, return, IPN) points there while it runs. One request runs at a time: the caller
    waits for the gateway page, which waits for the IPN."""
    connection = connections[DEFAULT_DB_ALIAS]
    connection.ensure_connection()
    connection.inc_thread_sharing()
    server = _Server(("127.0.0.1", 0), _QuietHandler, connections_override={DEFAULT_DB_ALIAS: connection})
    server.set_app(WSGIHandler())
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    # Requests must not close the shared connection at their end (Django's test client does the same).
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    thread.start()
    base_before = settings.SITE_BASE_URL
    settings.SITE_BASE_URL = f"http://127.0.0.1:{server.server_port}"
    try:
        yield settings.SITE_BASE_URL
    finally:
        settings.SITE_BASE_URL = base_before
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
        signals.request_started.connect(close_old_connections)
        signals.request_finished.connect(close_old_connections)
        connection.dec_thread_sharing()


def pay_through_simulator(dossier, *, bank: str = "NCB"):
    """Pay what `dossier` owes as its citizen would: open the gateway (simulator) page, pick a bank,
    approve; the simulator calls the IPN, which marks the payment paid. Returns the payment (None
    when the simulator is off, as in production)."""
    from core.urls import absolute_url
    from payments.models import Payment
    from payments.services import start_payment

    if not settings.PAYMENT_SIMULATOR:
        return None
    with _local_portal():
        payment, url = start_payment(
            dossier, client_ip="127.0.0.1", return_url=absolute_url(reverse("payments:return"))
        )
        with urllib.request.urlopen(url, timeout=30) as page:  # the gateway's page: choose a bank
            page.read()
        fields = dict(urllib.parse.parse_qsl(urllib.parse.urlsplit(url).query))
        fields.update(ket_qua="approve", ngan_hang=bank)
        body = urllib.parse.urlencode(fields).encode()
        # Approving makes the simulator call the IPN, then send the browser back to the portal.
        with urllib.request.urlopen(url.split("?", 1)[0], data=body, timeout=30) as answer:
            answer.read()
    return Payment.objects.get(pk=payment.pk)
