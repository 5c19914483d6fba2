"""Keyset ("page suivante") pagination: one bounded query per page, no COUNT(*) and no OFFSET.

A numbered paginator counts every row and skips `OFFSET` rows to show ten: the cost grows with the list.
Here a page starts after (or ends before) a boundary item named by its id in the URL (`?apres=123`,
`?avant=123`); the query asks for `per_page + 1` rows in the listing's order beyond that item (its sort
values read by a subquery), so the database walks an index (when the order has one) and stops.
"""

from typing import NamedTuple

from django.db.models import Q, Subquery

AFTER, BEFORE = "apres", "avant"


class KeysetPage(NamedTuple):
    items: list
    next_cursor: int | None  # id for ?apres= (None: this is the last page)
    previous_cursor: int | None  # id for ?avant= (None: no earlier page, or the first page is the way back)
    is_first: bool  # nothing before this page: no "previous" or "first page" link

    @property
    def has_other_pages(self):
        return self.next_cursor is not None or not self.is_first


def _cursor(value):
    try:
        number = int(value)
    except (TypeError, ValueError):
        return None
    return number if 0 < number < 2**63 else None


def _beyond(queryset, order, pk, *, backwards):
    """Rows strictly beyond the row `pk` in `order` (or before it when `backwards`), lexicographically."""
    boundary = queryset.model._default_manager.filter(pk=pk)
    condition, equal = Q(), Q()
    for field in order:
        name = field.lstrip("-")
        descending = field.startswith("-")
        value = pk if name == "pk" else Subquery(boundary.values(name)[:1])
        lookup = "lt" if descending != backwards else "gt"
        condition |= equal & Q(**{f"{name}__{lookup}": value})
        equal &= Q(**{name: value})
    return queryset.filter(condition)


def keyset_page(queryset, *, order, per_page, params):
    """The page of `queryset` (sorted by `order`, ending with "pk" or "-pk") chosen by `params` (request.GET)."""
    after, before = _cursor(params.get(AFTER)), _cursor(params.get(BEFORE))
    backwards = before is not None and after is None
    reversed_order = [field[1:] if field.startswith("-") else f"-{field}" for field in order]
    if after is not None or backwards:
        selection = _beyond(queryset, order, before if backwards else after, backwards=backwards)
    else:
        selection = queryset
    rows = list(selection.order_by(*(reversed_order if backwards else order))[: per_page + 1])
    more = len(rows) > per_page
    rows = rows[:per_page]
    if backwards:
        rows.reverse()
        if not rows:  # nothing before the boundary (or an unknown id): the first page
            return keyset_page(queryset, order=order, per_page=per_page, params={})
        return KeysetPage(rows, rows[-1].pk, rows[0].pk if more else None, is_first=not more)
    if after is not None and not rows:  # an unknown or deleted boundary: back to the first page
        return keyset_page(queryset, order=order, per_page=per_page, params={})
    return KeysetPage(
        rows,
        rows[-1].pk if more else None,
        rows[0].pk if after is not None else None,
        is_first=after is None,
    )
