"""/lo-trinh/: the public roadmap pages (stats.views.roadmap). URL names keep the `roadmap` namespace."""

from django.urls import path

from .views import roadmap as views

app_name = "roadmap"

urlpatterns = [
    path("", views.roadmap_list, name="list"),
    path("<slug:slug>/", views.roadmap_detail, name="detail"),
]
