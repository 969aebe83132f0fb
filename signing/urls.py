from django.urls import path

from . import views

app_name = "signing"

urlpatterns = [
    path("", views.verify_view, name="verify"),
    path("<str:token>/", views.document_view, name="document"),
]
