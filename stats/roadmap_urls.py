from django.urls import path

from . import views

app_name = "roadmap"

urlpatterns = [
    path("", views.roadmap_list, name="list"),
    path("<slug:slug>/", views.roadmap_detail, name="detail"),
]
