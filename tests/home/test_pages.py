"""Public pages: language prefixes, the StreamField body, the accessible image block."""

import re

from django.core.exceptions import ValidationError

from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file
from wagtail.rich_text import RichText

import pytest

from home.blocks import AccessibleImageBlock
from home.models import StandardPage

pytestmark = pytest.mark.django_db


def html_lang(response):
    match = re.search(r"<html[^>]*\blang=\"([^\"]+)\"", response.content.decode())
    return match.group(1) if match else None


def test_french_home_answers_200_in_french(client, home_fr):
    response = client.get("/fr/")
    assert response.status_code == 200
    assert html_lang(response) == "fr"
    assert "La Maison Escale" in response.content.decode()


def test_english_home_answers_200_in_english(client, home_en):
    response = client.get("/en/")
    assert response.status_code == 200
    assert html_lang(response) == "en"


def test_site_root_redirects_to_french(client, home_fr):
    response = client.get("/")
    assert response.status_code in (301, 302)
    assert response["Location"] == "/fr/"


@pytest.fixture
def image():
    return Image.objects.create(title="Le jardin", file=get_test_image_file())


def test_standard_page_renders_each_block_of_its_body(client, home_fr, image):
    page = home_fr.add_child(
        instance=StandardPage(
            title="Qui sommes-nous",
            slug="qui-sommes-nous",
            intro="Une maison ouverte à tous.",
            body=[
                ("heading", {"text": "Notre histoire", "level": "h2"}),
                ("paragraph", RichText("<p>Fondée en <b>2019</b> par des habitants.</p>")),
                ("quote", {"text": "On se sent chez soi.", "attribution": "Jeanne, 82 ans"}),
                (
                    "call_to_action",
                    {
                        "title": "Nous écrire",
                        "text": "Une question ?",
                        "page": None,
                        "url": "https://escale.example/contact",
                        "button_label": "Écrire un message",
                    },
                ),
                (
                    "faq",
                    {
                        "title": "Questions fréquentes",
                        "items": [{"question": "Faut-il adhérer ?", "answer": RichText("<p>Non, c'est libre.</p>")}],
                    },
                ),
                (
                    "image",
                    {"image": image, "alt_text": "Des bacs de légumes au soleil", "decorative": False, "caption": ""},
                ),
            ],
        )
    )

    response = client.get(page.url)

    assert response.status_code == 200
    html = response.content.decode()
    assert "<h2>Notre histoire</h2>" in html
    assert "Fondée en <b>2019</b> par des habitants." in html
    assert "On se sent chez soi." in html and "Jeanne, 82 ans" in html
    assert 'href="https://escale.example/contact"' in html and "Écrire un message" in html
    assert "<summary>Faut-il adhérer ?</summary>" in html
    assert 'alt="Des bacs de légumes au soleil"' in html


def test_image_block_without_alt_text_is_refused(image):
    block = AccessibleImageBlock()
    value = block.to_python({"image": image.pk, "alt_text": "  ", "decorative": False, "caption": ""})

    with pytest.raises(ValidationError) as error:
        block.clean(value)

    assert "alt_text" in error.value.block_errors


def test_image_block_marked_decorative_needs_no_alt_text(image):
    block = AccessibleImageBlock()
    value = block.to_python({"image": image.pk, "alt_text": "", "decorative": True, "caption": ""})

    assert block.clean(value)["decorative"] is True


def test_image_block_with_alt_text_is_accepted(image):
    block = AccessibleImageBlock()
    value = block.to_python({"image": image.pk, "alt_text": "Un potager", "decorative": False, "caption": ""})

    assert block.clean(value)["alt_text"] == "Un potager"
