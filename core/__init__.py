"""Ground floor shared by every app: money, and (as the seams issue lands) logs, errors, exports."""
