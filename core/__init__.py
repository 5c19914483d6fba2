"""Ground floor shared by every app: the staff-acts journal, roles, money, errors, exports, PDFs, signed links."""
