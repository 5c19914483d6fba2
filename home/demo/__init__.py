"""Demo content of La Maison Escale (texts, generated illustrations, accounts) used by `manage.py seed_demo`."""

from .build import no_redirects_on_slug_change, seed

__all__ = ["no_redirects_on_slug_change", "seed"]
