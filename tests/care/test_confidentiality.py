"""Confidentiality at rest and in search: note bodies are encrypted in the database, never indexed."""

from django.db import connection

from wagtail.models import Page
from wagtail.search.backends import get_search_backend

import pytest

from care import services
from care.fields import CareEncryptedTextField
from care.models import CaseFile, Intervention, Note

SECRET = "zanzibarconfidentiel"


def _raw(table, column):
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {column} FROM {table}")  # noqa: S608 - fixed test identifiers
        return [row[0] for row in cursor.fetchall()]


@pytest.mark.django_db
def test_note_bodies_are_not_stored_in_clear_text(social_worker, case):
    note = services.add_note(social_worker, case, visibility="team", body=f"Il a confié {SECRET}.")
    raw = _raw(Note._meta.db_table, "body")
    assert raw and all(SECRET not in value for value in raw)
    assert Note.objects.get(pk=note.pk).body == f"Il a confié {SECRET}."


@pytest.mark.django_db
def test_names_condition_and_summaries_are_not_stored_in_clear_text(social_worker, case):
    services.add_intervention(social_worker, case, kind="interview", summary=f"Résumé {SECRET}")
    assert all(SECRET not in value for value in _raw(Intervention._meta.db_table, "summary"))
    for column in ("first_name", "last_name", "phone", "helped_condition"):
        values = _raw(CaseFile._meta.db_table, column)
        assert all(word not in value for value in values for word in ("Berthe", "Lemoine", "06 11", "Parkinson"))


@pytest.mark.django_db
def test_encryption_key_is_the_dedicated_one_not_the_secret_key(settings):
    field = CareEncryptedTextField()
    token = field.get_prep_value("bonjour")
    settings.SECRET_KEY = "another-secret-key"
    assert CareEncryptedTextField().to_python(token) == "bonjour"
    settings.FIELD_ENCRYPTION_KEY = ["a-new-key", "test-only-care-key"]  # rotation: the old key still decrypts
    rotated = CareEncryptedTextField()
    assert rotated.to_python(token) == "bonjour"
    assert rotated.get_prep_value("bonjour") != token


@pytest.mark.django_db
def test_a_word_only_in_a_care_note_is_found_by_no_search(client, social_worker, case, home_fr):
    services.add_note(social_worker, case, visibility="team", body=f"Mot unique {SECRET}")
    services.add_intervention(social_worker, case, kind="interview", summary=f"Résumé {SECRET}")
    backend = get_search_backend()
    assert list(backend.search(SECRET, Page)) == []
    for model in (Note, CaseFile, Intervention):
        assert not hasattr(model, "search_fields")


@pytest.mark.django_db
def test_a_word_only_in_a_care_note_is_not_found_by_the_site_search_view(client, social_worker, case, home_fr):
    services.add_note(social_worker, case, visibility="team", body=f"Mot unique {SECRET}")
    response = client.get("/fr/recherche/", {"q": SECRET})
    assert response.status_code == 200
    # The page repeats the query in its box and title; what matters is that nothing is found.
    assert response.context["total"] == 0
    assert response.context["hits"] == []
    assert list(response.context["places"]) == []


def test_no_care_model_is_a_snippet_nor_indexed():
    from wagtail.search.index import Indexed
    from wagtail.snippets.models import get_snippet_models

    from care import models

    care_models = [
        models.CaseFile,
        models.Intervention,
        models.Orientation,
        models.NextStep,
        models.Note,
        models.AccessLogEntry,
    ]
    assert not any(issubclass(model, Indexed) for model in care_models)
    assert not set(care_models) & set(get_snippet_models())
