from django.db import migrations, models


def fill_phone_e164(apps, schema_editor):
    from core.phones import normalise_phone

    MemberProfile = apps.get_model("members", "MemberProfile")
    for profile in MemberProfile.objects.exclude(phone="").only("pk", "phone").iterator():
        MemberProfile.objects.filter(pk=profile.pk).update(phone_e164=normalise_phone(profile.phone))


class Migration(migrations.Migration):
    dependencies = [
        ("members", "0010_acting_for_members"),
    ]

    operations = [
        migrations.AddField(
            model_name='memberprofile',
            name='birth_year',
            field=models.PositiveSmallIntegerField(blank=True, null=True, verbose_name='Année de naissance'),
        ),
        migrations.AddField(
            model_name='memberprofile',
            name='phone_e164',
            field=models.CharField(blank=True, db_index=True, editable=False, max_length=20),
        ),
        migrations.RunPython(fill_phone_e164, migrations.RunPython.noop),
    ]
