"""Mutual-help rules, split by job: volunteers, requests, visibility, notices, calls, moderation."""
