from django.db import models


class Note(models.Model):
    text = models.CharField(max_length=200)


class TaskRun(models.Model):
    """One run of notes.tasks.record_run: which release's code ran it."""
    token = models.CharField(max_length=64, unique=True)
    revision = models.CharField(max_length=40)
    version = models.CharField(max_length=100)
