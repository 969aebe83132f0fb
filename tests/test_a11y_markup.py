"""Accessibility markup checked with Django's test client (cheap, both databases): a form sent back
with errors says so in the page title ("Lỗi: " / "Error: ") and opens the main content with an error
summary that takes focus and links to each field in error; the receipt's QR code has a text
alternative saying what it is and what it encodes."""

import re

import pytest
from django.conf import settings as django_settings
from django.urls import reverse

from dossiers.tests.factories import make_citizen, make_online_procedure
from dossiers.tests.flow import applicant_values, post_step, submit_url
from dossiers.tests.officers import make_dossier

pytestmark = pytest.mark.django_db

ERROR_TITLE = {"vi": "Lỗi: ", "en": "Error: "}


def _title(html: str) -> str:
    return re.search(r"<title>(.*?)</title>", html, re.S).group(1).strip()


def _main(html: str) -> str:
    return html[html.index('<main id="main"') : html.index("</main>")]


@pytest.fixture
def wizard(client, settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    procedure = make_online_procedure()
    client.force_login(make_citizen(citizen_id="080190001234"))
    client.get(submit_url(procedure))
    post_step(client, procedure, "nguoi-nop", applicant_values())
    return procedure


@pytest.mark.parametrize("language", ["vi", "en"])
def test_a_step_sent_back_with_errors_has_an_error_title_and_summary(client, wizard, language):
    client.cookies[django_settings.LANGUAGE_COOKIE_NAME] = language
    assert not _title(client.get(submit_url(wizard)).content.decode()).startswith(ERROR_TITLE[language])

    response = post_step(client, wizard, "buoc-1", {"ten_ho": "", "nganh_nghe": "Bán lẻ"})
    html = response.content.decode()
    assert _title(html).startswith(ERROR_TITLE[language])
    main = _main(html)
    # The summary opens the main content: a region named by its heading, focusable and focused on load.
    first = re.search(r"<(?!main)\w+[^>]*>", main[1:]).group(0)
    assert first.startswith("<section") and 'id="error-summary"' in first, first
    assert 'tabindex="-1"' in first and "autofocus" in first
    assert 'aria-labelledby="error-summary-title"' in first
    heading = re.search(r'<h2[^>]*id="error-summary-title"[^>]*>(.*?)</h2>', main).group(1)
    assert (
        heading
        == {"vi": "Có lỗi cần sửa trước khi tiếp tục", "en": "There is a problem to fix before you continue"}[
            language
        ]
    )
    # One link per field in error, each to an element that exists (a fieldset for radio buttons).
    summary = main[: main.index("</section>")]
    links = re.findall(r'<a href="#([^"]+)">', summary)
    assert "id_buoc-1-ten_ho" in links and "id_buoc-1-loai_dia_diem_fieldset" in links, links
    for anchor in links:
        assert f'id="{anchor}"' in html, anchor
    assert main.count('id="error-summary"') == 1


def test_sign_in_errors_have_the_error_title_and_summary(client):
    response = client.post(reverse("accounts:login"), {"username": "", "password": ""})
    html = response.content.decode()
    assert _title(html).startswith("Lỗi: ")
    assert 'id="error-summary"' in _main(html)


def test_a_page_without_errors_has_no_error_title_or_summary(client):
    html = client.get(reverse("accounts:login")).content.decode()
    assert not _title(html).startswith("Lỗi")
    assert 'id="error-summary"' not in html


@pytest.mark.parametrize(
    ("language", "words"),
    [
        ("vi", "Mã QR tra cứu hồ sơ {code}, dẫn đến địa chỉ {url}"),
        ("en", "QR code to look up dossier {code}, linking to {url}"),
    ],
)
def test_the_receipt_qr_code_has_a_text_alternative(client, settings, tmp_path, language, words):
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    dossier = make_dossier()
    client.force_login(dossier.user)
    client.cookies[django_settings.LANGUAGE_COOKIE_NAME] = language
    html = client.get(reverse("dossiers:receipt", args=[dossier.code])).content.decode()
    svg = re.search(r'<div class="receipt-qr">\s*(<svg[^>]*>)\s*<title>(.*?)</title>', html)
    assert svg is not None
    url = f"{settings.SITE_BASE_URL.rstrip('/')}{reverse('dossiers:lookup')}?ma={dossier.code}"
    alt = words.format(code=dossier.code, url=url)
    assert 'role="img"' in svg.group(1)
    assert f'aria-label="{alt}"' in svg.group(1)
    assert svg.group(2) == alt


def test_the_feedback_form_sent_back_empty_has_the_error_title_and_working_links(client):
    html = client.post(reverse("feedback:form"), {}).content.decode()
    assert _title(html).startswith("Lỗi: ")
    main = _main(html)
    summary = main[: main.index("</section>")]
    assert 'id="error-summary"' in summary
    links = re.findall(r'<a href="#([^"]+)">', summary)
    assert links and all(f'id="{anchor}"' in html for anchor in links), links
