"""Text messages to senders who left only a phone number, against a real local HTTP gateway."""

import io
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.core import mail
from django_tasks import TaskResultStatus

from feedback import services
from feedback.constants import FeedbackKind
from feedback.sms import ConsoleBackend, FileBackend, HttpBackend, SmsError, send_sms, to_sms_text
from feedback.tasks import SMS_REPLY, send_feedback_sms

pytestmark = pytest.mark.django_db


class Gateway:
    """A tiny SMS gateway on 127.0.0.1: records every request, answers with `status`."""

    def __init__(self):
        self.requests: list[dict] = []
        self.status = 200
        gateway = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                length = int(self.headers.get("Content-Length", 0))
                gateway.requests.append(
                    {
                        "path": self.path,
                        "authorization": self.headers.get("Authorization"),
                        "content_type": self.headers.get("Content-Type"),
                        "json": json.loads(self.rfile.read(length).decode("utf-8")),
                    }
                )
                body = json.dumps({"id": f"msg-{len(gateway.requests)}"}).encode()
                self.send_response(gateway.status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/sms/send"
        # A short poll interval: shutdown() waits for the loop to notice (0.5 s by default, every test).
        self.thread = threading.Thread(target=self.server.serve_forever, args=(0.01,), daemon=True)
        self.thread.start()

    def close(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def gateway(settings):
    server = Gateway()
    settings.FEEDBACK_SMS_BACKEND = "http"
    settings.FEEDBACK_SMS_HTTP_URL = server.url
    settings.FEEDBACK_SMS_HTTP_TOKEN = "bi-mat"
    settings.FEEDBACK_SMS_SENDER = "TAYNINH-DVC"
    settings.SITE_BASE_URL = "https://dichvucong.example.vn"
    yield server
    server.close()


def test_text_without_tone_marks():
    assert to_sms_text("Góp ý  đã có\ntrả lời. ĐĂNG KÝ") == "Gop y da co tra loi. DANG KY"


def test_http_backend_posts_to_the_gateway(gateway):
    receipt = send_sms("0912345678", "Góp ý đã có trả lời")
    assert receipt == "http:msg-1"
    (request,) = gateway.requests
    assert request["path"] == "/sms/send"
    assert request["authorization"] == "Bearer bi-mat"
    assert request["content_type"].startswith("application/json")
    assert request["json"] == {"to": "0912345678", "text": "Gop y da co tra loi", "sender": "TAYNINH-DVC"}


@pytest.mark.parametrize("status", [400, 500, 503])
def test_gateway_refusal_is_an_error_not_a_sent_message(gateway, status):
    gateway.status = status
    with pytest.raises(SmsError, match=str(status)):
        send_sms("0912345678", "Thử")


def test_unreachable_gateway_is_an_error():
    closed = Gateway()
    url = closed.url
    closed.close()  # nothing listens on that port any more
    with pytest.raises(SmsError, match="unreachable"):
        HttpBackend(url=url, token="", sender="", timeout=2).send("0912345678", "Thử")


def test_file_and_console_backends(tmp_path, settings):
    path = tmp_path / "sms.jsonl"
    FileBackend(path).send("0912345678", "Mot")
    FileBackend(path).send("0987654321", "Hai")
    lines = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert [(line["to"], line["text"]) for line in lines] == [("0912345678", "Mot"), ("0987654321", "Hai")]
    stream = io.StringIO()
    assert ConsoleBackend(stream).send("0912345678", "Ba") == "console"
    assert "NOT sent" in stream.getvalue() and "0912345678" in stream.getvalue()
    settings.FEEDBACK_SMS_BACKEND = "none"
    assert send_sms("0912345678", "Bon") is None


def test_phone_only_sender_gets_the_tracking_code_by_sms_after_commit(
    gateway, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        feedback = services.submit_feedback(
            kind=FeedbackKind.QUESTION, message="Lệ phí khai sinh là bao nhiêu?", phone="0912 345 678"
        )
    assert gateway.requests == []  # nothing before the commit
    for callback in callbacks:
        callback()
    (request,) = gateway.requests
    assert request["json"]["to"] == "0912345678"
    assert feedback.tracking_code in request["json"]["text"]
    assert "https://dichvucong.example.vn/gop-y/tra-cuu/" in request["json"]["text"]
    assert mail.outbox == []


def test_sender_with_email_gets_email_not_sms(gateway, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        services.submit_feedback(
            kind=FeedbackKind.QUESTION,
            message="Lệ phí khai sinh là bao nhiêu?",
            phone="0912345678",
            email="dan@example.vn",
        )
    assert gateway.requests == [] and len(mail.outbox) == 1


def test_reply_is_announced_by_sms(gateway, django_capture_on_commit_callbacks, central_moderator):
    feedback = services.submit_feedback(
        kind=FeedbackKind.QUESTION, message="Lệ phí khai sinh là bao nhiêu?", phone="0912345678"
    )
    with django_capture_on_commit_callbacks(execute=True):
        services.reply_to_feedback(feedback=feedback, reply="Miễn lệ phí.", actor=central_moderator)
    (request,) = gateway.requests
    assert feedback.tracking_code in request["json"]["text"] and "tra loi" in request["json"]["text"]


def test_failed_gateway_fails_the_task(gateway):
    feedback = services.submit_feedback(
        kind=FeedbackKind.QUESTION, message="Lệ phí khai sinh là bao nhiêu?", phone="0912345678"
    )
    gateway.status = 500
    from feedback.models import Feedback

    Feedback.objects.filter(pk=feedback.pk).update(reply="Miễn lệ phí.")
    result = send_feedback_sms.enqueue(feedback.pk, SMS_REPLY)  # immediate backend in tests
    assert result.status == TaskResultStatus.FAILED
    assert len(gateway.requests) == 1


def test_sms_off_by_default_enqueues_nothing(django_capture_on_commit_callbacks, settings):
    settings.FEEDBACK_SMS_BACKEND = "none"
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        services.submit_feedback(
            kind=FeedbackKind.QUESTION, message="Lệ phí khai sinh là bao nhiêu?", phone="0912345678"
        )
    assert callbacks == []
