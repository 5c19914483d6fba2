"""Upload limits: set in the settings and enforced by the Wagtail admin forms."""

import io

from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.models import Collection

import PIL.Image
import pytest

pytestmark = pytest.mark.django_db


def png(size, mode="RGB"):
    buffer = io.BytesIO()
    PIL.Image.new(mode, size).save(buffer, format="PNG")
    return buffer.getvalue()


def test_upload_limits_are_configured():
    assert 0 < settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE <= 20 * 1024 * 1024
    assert 0 < settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS <= 50_000_000
    assert "pdf" in settings.WAGTAILDOCS_EXTENSIONS
    assert not {"exe", "html", "svg", "js", "sh"} & set(settings.WAGTAILDOCS_EXTENSIONS)


def test_editor_can_upload_a_pdf_document(editor_client):
    response = editor_client.post(
        reverse("wagtaildocs:add"),
        {
            "title": "Programme",
            "file": SimpleUploadedFile("programme.pdf", b"%PDF-1.4 programme", content_type="application/pdf"),
            "collection": Collection.get_first_root_node().pk,
        },
    )

    assert response.status_code == 302
    assert Document.objects.filter(title="Programme").exists()


def test_document_with_exe_extension_is_refused(editor_client):
    response = editor_client.post(
        reverse("wagtaildocs:add"),
        {
            "title": "Outil",
            "file": SimpleUploadedFile("outil.exe", b"MZ\x90\x00", content_type="application/octet-stream"),
            "collection": Collection.get_first_root_node().pk,
        },
    )

    assert response.status_code == 200
    assert "file" in response.context["form"].errors
    assert not Document.objects.exists()


def test_editor_can_upload_a_normal_image(editor_client):
    response = editor_client.post(
        reverse("wagtailimages:add"),
        {
            "title": "Jardin",
            "file": SimpleUploadedFile("jardin.png", png((640, 480)), content_type="image/png"),
            "collection": Collection.get_first_root_node().pk,
        },
    )

    assert response.status_code == 302
    assert Image.objects.filter(title="Jardin").exists()


def test_image_over_the_pixel_limit_is_refused(editor_client):
    side = int(settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS**0.5) + 100
    oversized = png((side, side), mode="1")  # one bit per pixel: a few kB on disk

    response = editor_client.post(
        reverse("wagtailimages:add"),
        {
            "title": "Immense",
            "file": SimpleUploadedFile("immense.png", oversized, content_type="image/png"),
            "collection": Collection.get_first_root_node().pk,
        },
    )

    assert response.status_code == 200
    assert "file" in response.context["form"].errors
    assert not Image.objects.exists()
