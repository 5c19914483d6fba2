"""factory-boy factories shared by the test suite: users with roles, editorial pages, images."""

import datetime

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile

from wagtail.models import Collection, Locale

import factory
import wagtail_factories

from demo.accounts import verify_email
from demo.images import render
from home.models import HomePage, NewsIndexPage, NewsPage, StandardPage

TEST_PASSWORD = "Escale-mot-de-passe-2026"  # test-only, long enough for the password validators


class UserFactory(factory.django.DjangoModelFactory):
    """A user; `UserFactory(verified=True)` also gives a primary verified allauth e-mail address."""

    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"personne{n}@escale.example")
    username = factory.LazyAttributeSequence(lambda o, n: f"{o.email.split('@')[0]}-{n}")
    first_name = factory.Faker("first_name", locale="fr_FR")
    last_name = factory.Faker("last_name", locale="fr_FR")
    password = factory.django.Password(TEST_PASSWORD)

    @factory.post_generation
    def verified(self, create, extracted, **kwargs):
        """Verified unless built with `verified=False`."""
        if create and extracted is not False and self.email:
            verify_email(self)


def make_user(email=None, *, role=None, verified=True, **extra):
    """A user with a verified e-mail address, in the group of `role` (core.roles) when given."""
    if email:
        extra["email"] = email
    user = UserFactory(verified=verified, **extra)
    if role:
        user.groups.add(Group.objects.get(name=role))
    return user


def _root_collection():
    return Collection.get_first_root_node()


class ImageFactory(wagtail_factories.ImageFactory):
    """A small Pillow illustration (the demo drawings) in the root collection, with a description (alt text)."""

    collection = factory.LazyFunction(_root_collection)
    title = factory.Sequence(lambda n: f"Illustration {n}")
    description = factory.LazyAttribute(lambda o: f"Illustration : {o.title.lower()}")
    file = factory.LazyAttributeSequence(
        lambda o, n: ContentFile(render("landscape", n % 5, size=(160, 100)), name=f"illustration-{n}.jpg")
    )


def _french():
    return Locale.objects.get_or_create(language_code="fr")[0]


class _PageFactory(wagtail_factories.PageFactory):
    locale = factory.LazyFunction(_french)


class HomePageFactory(_PageFactory):
    title = "La Maison Escale"
    slug = factory.Sequence(lambda n: f"accueil-{n}")
    intro = "<p>Bienvenue à la Maison.</p>"

    class Meta:
        model = HomePage


class StandardPageFactory(_PageFactory):
    title = factory.Sequence(lambda n: f"Page {n}")
    intro = "Une page de test."

    class Meta:
        model = StandardPage


class NewsIndexPageFactory(_PageFactory):
    title = "Actualités"
    slug = "actualites"
    intro = "Les nouvelles de la Maison."

    class Meta:
        model = NewsIndexPage


class NewsPageFactory(_PageFactory):
    title = factory.Sequence(lambda n: f"Actualité {n}")
    date = factory.Sequence(lambda n: datetime.date(2026, 1, 1) - datetime.timedelta(days=n))
    summary = "Un résumé de l'actualité."
    image = factory.SubFactory(ImageFactory)

    class Meta:
        model = NewsPage
