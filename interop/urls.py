"""API version 1, mounted at /api/v1/ (portal/urls.py). A change that breaks clients gets /api/v2/."""

from django.urls import path

from . import views

app_name = "interop"

urlpatterns = [
    path("openapi.json", views.openapi, name="openapi"),
    path("dossiers/", views.dossiers, name="dossiers"),
    path("dossiers/<str:code>/", views.dossier, name="dossier"),
    path("dossiers/<str:code>/status-changes/", views.status_change, name="status_change"),
    path("dossiers/<str:code>/results/", views.attach_result, name="results"),
]
