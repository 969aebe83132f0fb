from django.urls import path

from . import views

app_name = "appointments"

urlpatterns = [
    path("<str:code>/", views.book_view, name="book"),
    path("<str:code>/huy/", views.cancel_view, name="cancel"),
]
