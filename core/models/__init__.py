"""Ground-floor models every app may use: the staff-acts journal and the scheduler's journal."""

from .audit import ActionLog, ActionLogImmutable
from .scheduling import ScheduledRun

__all__ = ["ActionLog", "ActionLogImmutable", "ScheduledRun"]
