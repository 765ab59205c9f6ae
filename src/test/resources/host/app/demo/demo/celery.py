"""The Celery application (Mangaki's shape: `celery -A mangaki worker`, settings from Django)."""
import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "demo.settings")

app = Celery("demo")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
app.conf.beat_schedule = {
    "heartbeat": {"task": "notes.tasks.heartbeat", "schedule": 5.0},
}
