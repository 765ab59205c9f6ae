from django.test import TestCase

from notes.models import Note


class NoteTest(TestCase):
    def test_a_note_keeps_its_text(self):
        Note.objects.create(text="hello")
        self.assertEqual(Note.objects.get().text, "hello")
