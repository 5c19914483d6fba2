"""Moved to core.exports; kept only while members/staff_views.py (another engineer's file) imports it here.

Delete this module once members/staff_views.py imports `core.exports`.
"""

from core.exports import FORMATS, table_response

__all__ = ["FORMATS", "table_response"]
