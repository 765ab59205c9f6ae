import os
import sys

from django.conf import settings
from django.contrib.staticfiles.storage import staticfiles_storage
from django.http import Http404, HttpResponse

from demo.version import VERSION
from notes.models import Note, TaskRun
from notes.tasks import record_run, revision


def home(request):
    """Shows which commit serves the page; touches the database (pg_trgm) like a real page."""
    notes = Note.objects.filter(text__trigram_similar="hello").count()
    venv = os.path.basename(os.path.realpath(sys.prefix))
    css = staticfiles_storage.url("notes/site.css")
    return HttpResponse(
        f"revision={revision()} version={VERSION} notes={notes} venv={venv} css={css}\n", content_type="text/plain"
    )


def queue_task(request, token):
    record_run.delay(token)
    return HttpResponse(f"queued {token}\n", content_type="text/plain")


def task_result(request, token):
    run = TaskRun.objects.filter(token=token).first()
    if run is None:
        raise Http404(token)
    return HttpResponse(f"revision={run.revision} version={run.version}\n", content_type="text/plain")


def data_file(request, name):
    """A file of DATA_ROOT, sent by NGINX (X-Accel-Redirect, like django-sendfile's nginx backend)."""
    if "/" in name or name.startswith(".") or not os.path.isfile(os.path.join(settings.DATA_ROOT, name)):
        raise Http404(name)
    response = HttpResponse(content_type="text/plain")
    response["X-Accel-Redirect"] = f"{settings.SENDFILE_URL}/{name}"
    return response
