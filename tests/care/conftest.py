"""Care fixtures: a case file with one note per visibility level, each carrying a unique secret word."""

import pytest

from care import services
from care.models import Note

TEAM_WORD = "tournesolequipe"
SOCIAL_WORD = "mimosasocial"
PSY_WORD = "coquelicotpsy"


@pytest.fixture
def case(social_worker):
    return services.create_case(
        social_worker,
        first_name="Berthe",
        last_name="Lemoine",
        phone="06 11 22 33 44",
        helped_condition="Conjoint atteint de la maladie de Parkinson.",
        referents=[social_worker],
    )


@pytest.fixture
def notes(case, social_worker, psychologist):
    return {
        Note.Visibility.TEAM: services.add_note(
            social_worker, case, visibility="team", body=f"Note équipe {TEAM_WORD}"
        ),
        Note.Visibility.SOCIAL: services.add_note(
            social_worker, case, visibility="social", body=f"Note sociale {SOCIAL_WORD}"
        ),
        Note.Visibility.PSYCHOLOGIST: services.add_note(
            psychologist, case, visibility="psychologist", body=f"Note psy {PSY_WORD}"
        ),
    }
