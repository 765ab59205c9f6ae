import pytest


@pytest.fixture(autouse=True)
def eager_tasks(settings):
    """Tests run Celery tasks in the test process: no broker needed."""
    from demo.celery import app

    app.conf.task_always_eager = True
    yield
    app.conf.task_always_eager = False
