"""Staff roles (members/migrations/0001_roles.py): groups, key permissions, the "Relecture" workflow."""

from django.contrib.auth.models import Group, Permission

from wagtail.models import GroupPagePermission, Page, Workflow

import pytest

from core import roles
from home.models import NewsPage

pytestmark = pytest.mark.django_db


def test_the_five_staff_groups_exist():
    assert set(Group.objects.values_list("name", flat=True)) >= {
        roles.EDITOR,
        roles.COORDINATOR,
        roles.SOCIAL_WORKER,
        roles.PSYCHOLOGIST,
        roles.ADMINISTRATOR,
    }


def test_wagtail_default_groups_are_replaced():
    assert not Group.objects.filter(name__in=["Moderators", "Editors"]).exists()


def test_editor_can_add_edit_and_publish_pages_from_the_root(editor, home_fr):
    assert editor.has_perm("wagtailadmin.access_admin")
    root_perms = set(
        GroupPagePermission.objects.filter(group__name=roles.EDITOR, page=Page.get_first_root_node()).values_list(
            "permission__codename", flat=True
        )
    )
    assert {"add_page", "change_page", "publish_page"} <= root_perms
    tester = home_fr.permissions_for_user(editor)
    assert tester.can_add_subpage()
    assert tester.can_edit()
    assert tester.can_publish()


def test_editor_manages_images_documents_and_translations(editor):
    assert editor.has_perms(
        ["wagtailimages.add_image", "wagtaildocs.add_document", "wagtail_localize.submit_translation"]
    )


@pytest.mark.parametrize("role_fixture", ["coordinator", "social_worker", "psychologist"])
def test_non_editorial_staff_access_the_admin_but_cannot_edit_pages(request, role_fixture, home_fr):
    user = request.getfixturevalue(role_fixture)

    assert user.has_perm("wagtailadmin.access_admin")
    tester = home_fr.permissions_for_user(user)
    assert not tester.can_edit()
    assert not tester.can_add_subpage()
    assert not tester.can_publish()


def test_administrator_group_holds_every_permission_but_deleting_care_records():
    group = Group.objects.get(name=roles.ADMINISTRATOR)

    missing = Permission.objects.exclude(group=group).values_list("content_type__app_label", "codename")
    # care/migrations/0003 withholds deleting case records on purpose (they are closed, then purged by retention).
    assert sorted(perm for perm in missing if perm[0] != "care") == []
    assert group.permissions.filter(content_type__app_label="care", codename="view_accesslogentry").exists()


def test_administrator_can_publish_pages(administrator, home_fr):
    assert administrator.has_perm("wagtailadmin.access_admin")
    assert home_fr.permissions_for_user(administrator).can_publish()


def test_relecture_workflow_is_active_and_applies_to_news(news_index_fr):
    workflow = Workflow.objects.get(name="Relecture")
    news = news_index_fr.add_child(instance=NewsPage(title="Fête", slug="fete", summary="Samedi."))

    assert workflow.active
    assert news.get_workflow() == workflow
    reviewer_groups = {group.name for task in workflow.tasks.specific() for group in task.groups.all()}
    assert reviewer_groups == {roles.EDITOR, roles.ADMINISTRATOR}
