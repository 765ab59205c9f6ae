import os
import sys
from pathlib import Path

from django.conf import settings
from django.http import HttpResponse

from demo.version import VERSION
from notes.models import Note


def home(request):
    """Shows which commit serves the page; touches the database like a real page."""
    revision_file = Path(settings.BASE_DIR) / "REVISION"
    revision = revision_file.read_text().strip() if revision_file.exists() else "unknown"
    notes = Note.objects.count()
    venv = os.path.basename(os.path.realpath(sys.prefix))
    return HttpResponse(
        f"revision={revision} version={VERSION} notes={notes} venv={venv}\n", content_type="text/plain"
    )
