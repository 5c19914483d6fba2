"""Mutual help (volunteers answer caregivers' requests) and check-in calls to isolated people."""

from solidarity.models.calls import CallAssignment, CallRecord, Campaign, IsolationInfo
from solidarity.models.requests import HelpRequest, Message, Offer, Report
from solidarity.models.volunteers import HelpKind, TrainingRecord, VolunteerProfile

__all__ = [
    "CallAssignment",
    "CallRecord",
    "Campaign",
    "HelpKind",
    "HelpRequest",
    "IsolationInfo",
    "Message",
    "Offer",
    "Report",
    "TrainingRecord",
    "VolunteerProfile",
]
