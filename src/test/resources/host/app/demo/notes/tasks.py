from pathlib import Path

from celery import shared_task
from django.conf import settings

from demo.version import VERSION


def revision():
    path = Path(settings.BASE_DIR).parent / "REVISION"
    return path.read_text().strip() if path.exists() else "unknown"


@shared_task
def record_run(token):
    """Records which release's code ran this task."""
    from notes.models import TaskRun

    TaskRun.objects.update_or_create(token=token, defaults={"revision": revision(), "version": VERSION})


@shared_task
def heartbeat():
    """Celery beat's periodic task: the live release's revision, in DATA_ROOT."""
    path = Path(settings.DATA_ROOT) / "heartbeat"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(revision() + "\n")
