"""Background work of the search: counting queries for the admin's "popular searches"."""

from wagtail.contrib.search_promotions.models import Query

from django_tasks import task


@task()
def record_search_hit(query_string):
    """One more hit today for this (already normalised) query."""
    Query.get(query_string).add_hit()
