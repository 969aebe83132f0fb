"""Honeypot, rate limits and the proof-of-work challenge (server side, and the browser's solver)."""

import hashlib
import json
import shutil
import subprocess
from pathlib import Path

import pytest
from django.conf import settings
from django.core import mail, signing
from django.urls import reverse

from feedback import abuse
from feedback.constants import FeedbackKind
from feedback.models import Feedback

pytestmark = pytest.mark.django_db

WORKER_JS = Path(settings.BASE_DIR) / "static" / "js" / "feedback-pow-worker.js"


def form_data(**overrides):
    data = {
        "kind": FeedbackKind.SUGGESTION,
        "message": "Nên cho phép thanh toán lệ phí bằng mã QR.",
        "name": "",
        "email": "",
        "phone": "",
        "extra_note": "",
    }
    data.update(overrides)
    return data


def solve(challenge: str) -> str:
    payload = signing.TimestampSigner(salt="feedback.pow.v1").unsign_object(challenge)
    n = 0
    while True:
        digest = hashlib.sha256(f"{challenge}:{n}".encode()).digest()
        if abuse.leading_zero_bits(digest) >= payload["d"]:
            return str(n)
        n += 1


# --- honeypot --------------------------------------------------------------------------------------


def test_honeypot_filled_stores_and_sends_nothing_but_looks_like_success(
    client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("feedback:form"), form_data(email="bot@example.vn", extra_note="http://spam.example")
        )
    assert response.status_code == 302 and response["Location"] == reverse("feedback:sent")
    assert Feedback.objects.count() == 0
    assert mail.outbox == []


def test_honeypot_is_hidden_from_people(client):
    html = client.get(reverse("feedback:form")).content.decode()
    assert 'class="fb-hp" aria-hidden="true"' in html
    assert 'name="extra_note"' in html and 'tabindex="-1"' in html


# --- rate limits -----------------------------------------------------------------------------------


@pytest.fixture
def tight_limits(settings):
    settings.FEEDBACK_RATE_LIMITS = {
        "submit_ip": [(3, 600)],
        "submit_contact": [(2, 3600)],
        "lookup_ip": [(2, 600)],
        "survey_ip": [(1, 86400)],
    }


def test_per_ip_rate_limit(client, tight_limits):
    for _ in range(3):
        assert client.post(reverse("feedback:form"), form_data()).status_code == 302
    response = client.post(reverse("feedback:form"), form_data(message="Một góp ý nữa, lần thứ tư."))
    assert response.status_code == 429
    html = response.content.decode()
    assert "quá nhiều lần" in html
    assert "Một góp ý nữa, lần thứ tư." in html  # nothing typed is lost
    assert Feedback.objects.count() == 3
    # another address still gets through
    assert client.post(reverse("feedback:form"), form_data(), REMOTE_ADDR="203.0.113.9").status_code == 302


def test_per_contact_rate_limit_across_addresses(client, tight_limits):
    for i in range(2):
        response = client.post(
            reverse("feedback:form"), form_data(email="same@example.vn"), REMOTE_ADDR=f"198.51.100.{i}"
        )
        assert response.status_code == 302
    response = client.post(
        reverse("feedback:form"), form_data(email="SAME@example.vn "), REMOTE_ADDR="198.51.100.50"
    )
    assert response.status_code == 429
    assert Feedback.objects.count() == 2
    # phone numbers are normalised before counting too
    for i, phone in enumerate(["0912345678", "+84 912 345 678"]):
        client.post(reverse("feedback:form"), form_data(phone=phone), REMOTE_ADDR=f"192.0.2.{i}")
    assert (
        client.post(
            reverse("feedback:form"), form_data(phone="84912345678"), REMOTE_ADDR="192.0.2.9"
        ).status_code
        == 429
    )


def test_invalid_forms_do_not_use_the_budget(client, tight_limits):
    for _ in range(5):
        assert client.post(reverse("feedback:form"), form_data(message="x")).status_code == 400
    assert client.post(reverse("feedback:form"), form_data()).status_code == 302


def test_lookup_rate_limit(client, tight_limits):
    for _ in range(2):
        response = client.post(
            reverse("feedback:lookup"), {"code": "GY-250101-ABCDEFGH", "contact": "a@b.vn"}
        )
        assert response.status_code == 200
    response = client.post(reverse("feedback:lookup"), {"code": "GY-250101-ABCDEFGH", "contact": "a@b.vn"})
    assert response.status_code == 429


def test_rate_limit_counts_in_windows(settings):
    settings.FEEDBACK_RATE_LIMITS = {"t": [(2, 60), (3, 3600)]}
    abuse.check_rate_limit("t", "1.2.3.4")
    abuse.check_rate_limit("t", "1.2.3.4")
    with pytest.raises(abuse.RateLimited) as refused:
        abuse.check_rate_limit("t", "1.2.3.4")
    assert refused.value.retry_after == 60
    abuse.check_rate_limit("t", "5.6.7.8")  # identities are separate


def test_client_ip_from_trusted_proxy_header(rf, settings):
    request = rf.get("/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="1.1.1.1, 203.0.113.7")
    assert abuse.client_ip(request) == "10.0.0.1"
    settings.TRUSTED_PROXY_COUNT = 1
    assert abuse.client_ip(request) == "203.0.113.7"  # the hop our proxy appended, not the spoofable first


# --- proof of work ---------------------------------------------------------------------------------


@pytest.fixture
def pow_on(settings):
    settings.FEEDBACK_POW_DIFFICULTY = 8
    return 8


def test_pow_off_by_default_issues_nothing_and_accepts_anything(settings):
    settings.FEEDBACK_POW_DIFFICULTY = 0
    assert abuse.issue_challenge() == ""
    abuse.verify_solution("", "")


def test_pow_valid_solution_accepted_once(pow_on):
    challenge = abuse.issue_challenge()
    solution = solve(challenge)
    abuse.verify_solution(challenge, solution)
    with pytest.raises(abuse.ProofOfWorkError) as replay:
        abuse.verify_solution(challenge, solution)
    assert replay.value.reason == "replayed"


def test_pow_wrong_solution(pow_on):
    challenge = abuse.issue_challenge()
    right = int(solve(challenge))
    wrong = next(
        str(n)
        for n in range(right + 1, right + 10_000)
        if abuse.leading_zero_bits(hashlib.sha256(f"{challenge}:{n}".encode()).digest()) < pow_on
    )
    with pytest.raises(abuse.ProofOfWorkError) as error:
        abuse.verify_solution(challenge, wrong)
    assert error.value.reason == "wrong"
    # the challenge was not spent by the failed attempt
    abuse.verify_solution(challenge, str(right))


@pytest.mark.parametrize(
    ("mangle", "reason"),
    [
        (lambda c, s: ("", s), "missing"),
        (lambda c, s: (c, ""), "missing"),
        (lambda c, s: (c, "12a"), "invalid"),
        (lambda c, s: (c, "9" * 21), "invalid"),
        (lambda c, s: (c[:-2] + ("AA" if not c.endswith("AA") else "BB"), s), "forged"),
    ],
)
def test_pow_malformed_or_forged(pow_on, mangle, reason):
    challenge = abuse.issue_challenge()
    bad_challenge, bad_solution = mangle(challenge, solve(challenge))
    with pytest.raises(abuse.ProofOfWorkError) as error:
        abuse.verify_solution(bad_challenge, bad_solution)
    assert error.value.reason == reason


def test_pow_easier_challenge_refused_when_difficulty_rises(settings):
    settings.FEEDBACK_POW_DIFFICULTY = 4
    easy = abuse.issue_challenge()
    solution = solve(easy)
    settings.FEEDBACK_POW_DIFFICULTY = 10
    with pytest.raises(abuse.ProofOfWorkError) as error:
        abuse.verify_solution(easy, solution)
    assert error.value.reason == "too_easy"


def test_pow_expired(pow_on, settings):
    challenge = abuse.issue_challenge()
    solution = solve(challenge)
    settings.FEEDBACK_POW_MAX_AGE = -1  # any age is too old
    with pytest.raises(abuse.ProofOfWorkError) as error:
        abuse.verify_solution(challenge, solution)
    assert error.value.reason == "expired"


def test_form_with_pow_on(client, pow_on):
    page = client.get(reverse("feedback:form"))
    challenge = page.context["form"].challenge
    assert challenge and f'value="{challenge}"' in page.content.decode()
    assert "feedback-pow.js" in page.content.decode() and "<noscript>" in page.content.decode()
    # without JavaScript the solution is missing: refused with a clear message, input kept
    response = client.post(reverse("feedback:form"), form_data(pow_challenge=challenge, pow_solution=""))
    assert response.status_code == 400
    assert "JavaScript" in response.content.decode()
    assert "Nên cho phép thanh toán lệ phí bằng mã QR." in response.content.decode()
    new_challenge = response.context["form"].challenge
    assert new_challenge and new_challenge != challenge
    assert Feedback.objects.count() == 0
    # solved: accepted, once
    solution = solve(new_challenge)
    data = form_data(pow_challenge=new_challenge, pow_solution=solution)
    assert client.post(reverse("feedback:form"), data).status_code == 302
    assert client.post(reverse("feedback:form"), data).status_code == 400
    assert Feedback.objects.count() == 1


def test_form_without_pow_needs_no_javascript(client, settings):
    settings.FEEDBACK_POW_DIFFICULTY = 0
    html = client.get(reverse("feedback:form")).content.decode()
    assert "feedback-pow.js" not in html and "data-pow-form" not in html
    assert client.post(reverse("feedback:form"), form_data()).status_code == 302


@pytest.mark.skipif(shutil.which("node") is None, reason="node is not installed: the JS solver test needs it")
def test_browser_solver_agrees_with_the_server(pow_on):
    """The worker's SHA-256 and search (run by node here) produce solutions the server accepts."""
    challenges = [abuse.issue_challenge() for _ in range(3)]
    script = (
        f"const m = require({json.dumps(str(WORKER_JS))});"
        f"const cs = {json.dumps(challenges)};"
        "console.log(JSON.stringify({"
        "  digests: ['', 'abc', 'Đăng ký'.normalize('NFC')].map(t => m.hexDigest(unescape(encodeURIComponent(t)))),"
        f"  solutions: cs.map(c => m.solve(c, {pow_on}, 0, 1e7))"
        "}));"
    )
    out = json.loads(
        subprocess.run(["node", "-e", script], capture_output=True, text=True, check=True).stdout
    )
    expected = [hashlib.sha256(t.encode()).hexdigest() for t in ("", "abc", "Đăng ký")]
    assert out["digests"] == expected
    for challenge, solution in zip(challenges, out["solutions"], strict=True):
        assert solution == solve(challenge)  # the smallest counter, like the server's reference search
        abuse.verify_solution(challenge, solution)
