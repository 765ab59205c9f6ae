from django.urls import path

from notes import views

urlpatterns = [
    path("", views.home),
    path("task/<slug:token>", views.queue_task),
    path("task-result/<slug:token>", views.task_result),
    path("data/<str:name>", views.data_file),
]
