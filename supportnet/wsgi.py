"""WSGI entry point: pages, served by WSGI workers (gunicorn) in production."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "supportnet.settings")

application = get_wsgi_application()
