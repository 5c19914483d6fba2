"""Site-wide tools: the text-size switch and the health check."""

import re

from django.urls import reverse

import pytest

pytestmark = pytest.mark.django_db

TEXT_SIZE_COOKIE = "escale_text_size"


def data_text_size(response):
    match = re.search(r"<html[^>]*\bdata-text-size=\"([^\"]*)\"", response.content.decode())
    return match.group(1) if match else None


def test_text_size_switch_sets_a_cookie_reflected_on_the_html_element(client, home_fr):
    response = client.post(reverse("set_text_size"), {"size": "large", "next": "/fr/"})

    assert response.status_code == 302
    assert response["Location"] == "/fr/"
    assert response.cookies[TEXT_SIZE_COOKIE].value == "large"
    page = client.get("/fr/")
    assert data_text_size(page) == "large"


def test_unknown_text_size_falls_back_to_normal(client, home_fr):
    response = client.post(reverse("set_text_size"), {"size": "gigantesque", "next": "/fr/"})

    assert response.cookies[TEXT_SIZE_COOKIE].value == "normal"
    assert data_text_size(client.get("/fr/")) == "normal"


def test_text_size_switch_never_redirects_to_another_site(client, home_fr):
    response = client.post(reverse("set_text_size"), {"size": "large", "next": "https://malveillant.example/"})

    assert response["Location"] == "/"


def test_healthz_answers_200_json(client):
    response = client.get("/healthz")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response.json()["status"] == "ok"
