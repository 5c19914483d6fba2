"""Staff roles: Django groups and their permissions (applied by a data migration)."""

from django.utils.translation import gettext_lazy as _

EDITOR = "Editor"
COORDINATOR = "Coordinator"
SOCIAL_WORKER = "Social worker"
PSYCHOLOGIST = "Psychologist"
ADMINISTRATOR = "Administrator"

ROLE_LABELS = {
    EDITOR: _("Communication (rédaction)"),
    COORDINATOR: _("Coordination (animation)"),
    SOCIAL_WORKER: _("Travailleur ou travailleuse sociale"),
    PSYCHOLOGIST: _("Psychologue"),
    ADMINISTRATOR: _("Administration"),
}
STAFF_ROLES = tuple(ROLE_LABELS)
CARE_ROLES = (SOCIAL_WORKER, PSYCHOLOGIST, ADMINISTRATOR)

# Model permissions per role, as (app_label, codename). Administrators get every permission.
ROLE_PERMISSIONS = {
    EDITOR: [
        ("wagtailadmin", "access_admin"),
        ("wagtailimages", "add_image"),
        ("wagtailimages", "change_image"),
        ("wagtailimages", "choose_image"),
        ("wagtailimages", "delete_image"),
        ("wagtaildocs", "add_document"),
        ("wagtaildocs", "change_document"),
        ("wagtaildocs", "choose_document"),
        ("wagtaildocs", "delete_document"),
        ("home", "add_practicalinfo"),
        ("home", "change_practicalinfo"),
        ("home", "view_practicalinfo"),
        ("wagtail_localize", "submit_translation"),
        ("wagtailsearchpromotions", "add_query"),
        ("wagtailsearchpromotions", "change_query"),
        ("wagtailsearchpromotions", "delete_query"),
    ],
    COORDINATOR: [
        ("wagtailadmin", "access_admin"),
        *(
            ("members", codename)
            for codename in (
                "view_memberprofile",
                "add_memberprofile",
                "change_memberprofile",
                "view_membership",
                "add_membership",
                "view_payment",
                "add_payment",
                "view_mandate",
                "add_mandate",
                "view_credit",
                "view_receipt",
            )
        ),
    ],
    SOCIAL_WORKER: [("wagtailadmin", "access_admin"), ("members", "view_memberprofile")],
    PSYCHOLOGIST: [("wagtailadmin", "access_admin")],
}
# Page-tree permissions on the root page, per role.
ROLE_PAGE_PERMISSIONS = {
    EDITOR: ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"],
    ADMINISTRATOR: ["add_page", "change_page", "publish_page", "bulk_delete_page", "lock_page", "unlock_page"],
}
COLLECTION_PERMISSIONS = {
    EDITOR: {
        "wagtailimages": ["add_image", "change_image", "choose_image", "delete_image"],
        "wagtaildocs": ["add_document", "change_document", "choose_document", "delete_document"],
    },
}


def ensure_roles(apps):
    """Create or update the staff groups; safe to run again (idempotent)."""
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")

    root_page = Page.objects.filter(depth=1).first()
    root_collection = Collection.objects.filter(depth=1).first()
    for role in STAFF_ROLES:
        group, _created = Group.objects.get_or_create(name=role)
        if role == ADMINISTRATOR:
            group.permissions.set(Permission.objects.all())
        else:
            for app_label, codename in ROLE_PERMISSIONS.get(role, []):
                perm = Permission.objects.filter(content_type__app_label=app_label, codename=codename).first()
                if perm:
                    group.permissions.add(perm)
        if root_page:
            for codename in ROLE_PAGE_PERMISSIONS.get(role, []):
                perm = Permission.objects.filter(content_type__app_label="wagtailcore", codename=codename).first()
                if perm:
                    GroupPagePermission.objects.get_or_create(group=group, page=root_page, permission=perm)
        if root_collection:
            for app_label, codenames in COLLECTION_PERMISSIONS.get(role, {}).items():
                for codename in codenames:
                    perm = Permission.objects.filter(content_type__app_label=app_label, codename=codename).first()
                    if perm:
                        GroupCollectionPermission.objects.get_or_create(
                            group=group, collection=root_collection, permission=perm
                        )


def ensure_review_workflow(apps):
    """The "Relecture" moderation workflow: Editors or Administrators approve before publishing."""
    Group = apps.get_model("auth", "Group")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    ContentType = apps.get_model("contenttypes", "ContentType")

    task_ct, _c = ContentType.objects.get_or_create(app_label="wagtailcore", model="groupapprovaltask")
    task = GroupApprovalTask.objects.filter(name="Relecture par la communication").first()
    if task is None:
        task = GroupApprovalTask.objects.create(name="Relecture par la communication", content_type=task_ct)
    task.groups.set(Group.objects.filter(name__in=[EDITOR, ADMINISTRATOR]))
    workflow, _c = Workflow.objects.get_or_create(name="Relecture")
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})

    # Replace Wagtail's default "Moderators approval" workflow and groups by ours.
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    Page = apps.get_model("wagtailcore", "Page")
    Workflow.objects.filter(name="Moderators approval").update(active=False)
    WorkflowPage.objects.exclude(workflow=workflow).delete()
    root_page = Page.objects.filter(depth=1).first()
    if root_page:
        WorkflowPage.objects.update_or_create(page=root_page, defaults={"workflow": workflow})
    Group.objects.filter(name__in=["Moderators", "Editors"]).delete()


def grant_new_permissions_to_administrators(sender=None, using="default", **kwargs):
    """post_migrate: Administrators hold every permission, including those of apps migrated later.

    Care permissions are the exception: care/migrations/0003 decides them (no one may delete an
    access-log entry or a case file from the application).
    """
    from django.contrib.auth.management import create_permissions
    from django.contrib.auth.models import Group, Permission

    group = Group.objects.using(using).filter(name=ADMINISTRATOR).first()
    if group is None:
        return
    if sender is not None and getattr(sender, "models_module", None) is not None:
        # Our receiver may run before auth's own for the same app: make sure its permissions exist.
        create_permissions(sender, verbosity=0, using=using)
    missing = Permission.objects.using(using).exclude(content_type__app_label="care").exclude(group=group)
    group.permissions.add(*missing)
