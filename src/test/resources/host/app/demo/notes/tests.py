import pytest
from django.test import TestCase

from notes.models import Note, TaskRun
from notes.tasks import record_run


class NoteTest(TestCase):
    def test_a_note_keeps_its_text(self):
        Note.objects.create(text="hello")
        self.assertEqual(Note.objects.get().text, "hello")


@pytest.mark.django_db
def test_a_task_records_which_code_ran_it():
    record_run.delay("t1")
    assert TaskRun.objects.get(token="t1").version
