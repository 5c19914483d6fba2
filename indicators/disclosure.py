"""Small-cell suppression for the care figures that leave the care team (docs/privacy.md: no cell under 5).

A count from 1 to 4 is shown "< 5" (primary suppression). When a total is shown beside its breakdown, one
hidden cell could be read back by subtraction (total − visible cells), so more cells are withheld
(secondary suppression, shown "masqué") until every small cell could still be any value from 1 to 4 given
what is published; when that is impossible, the total itself is withheld. Zero stays zero: it names nobody.
"""

from django.utils.translation import gettext_lazy as _

THRESHOLD = 5


class Hidden:
    """A withheld figure. `small` for a count under the threshold ("< 5"), else withheld so that a total
    does not reveal a small count ("masqué"). Written as text in pages, PDFs and spreadsheets."""

    def __init__(self, small):
        self.small = small

    def __str__(self):
        return f"< {THRESHOLD}" if self.small else str(_("masqué"))

    def __eq__(self, other):
        return isinstance(other, Hidden) and other.small == self.small

    def __hash__(self):
        return hash(self.small)

    def __repr__(self):
        return f"Hidden(small={self.small})"


SMALL = Hidden(small=True)
WITHHELD = Hidden(small=False)


def is_small(count):
    return 0 < count < THRESHOLD


def protect(count):
    """One count published on its own: "< 5" from 1 to 4."""
    return SMALL if is_small(count) else count


def _others_bounds(counts, hidden, cell):
    """What a reader knows of the other hidden cells' sum: a small one is 1–4, a withheld one is 5 or more."""
    low = high = 0
    for key in hidden - {cell}:
        if is_small(counts[key]):
            low, high = low + 1, high + THRESHOLD - 1
        else:
            low, high = low + THRESHOLD, float("inf")
    return low, high


def _safe(counts, hidden):
    """True when, knowing the total, the visible cells and the rule, every small hidden cell could still be
    any value from 1 to 4."""
    hidden_sum = sum(counts[key] for key in hidden)
    for cell in hidden:
        if not is_small(counts[cell]):
            continue
        low, high = _others_bounds(counts, hidden, cell)
        if hidden_sum - high > 1 or hidden_sum - low < THRESHOLD - 1:
            return False
    return True


def protect_group(counts):
    """A breakdown published with its total. `counts` is {key: count}; returns (total, {key: shown}) where a
    shown value is the count, SMALL or WITHHELD."""
    total = sum(counts.values())
    if is_small(total):
        # Every non-zero part is smaller than the total, hence small too.
        return SMALL, {key: protect(count) for key, count in counts.items()}
    hidden = {key for key, count in counts.items() if is_small(count)}
    while hidden and not _safe(counts, hidden):
        visible = sorted((count, str(key), key) for key, count in counts.items() if count and key not in hidden)
        if not visible:
            return WITHHELD, {key: protect(count) for key, count in counts.items()}
        hidden.add(visible[0][2])
    shown = {key: (SMALL if is_small(count) else WITHHELD) if key in hidden else count for key, count in counts.items()}
    return total, shown


def protect_share(part, whole, share):
    """A percentage part / whole: withheld when the part or the rest is a small count (it would tell how
    many people are behind it)."""
    if share is None:
        return None
    if is_small(part) or is_small(whole - part):
        return SMALL
    return share
