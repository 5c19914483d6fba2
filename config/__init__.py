"""Django configuration for Escale (settings, URLs, WSGI/ASGI)."""
