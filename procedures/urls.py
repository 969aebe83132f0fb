from django.urls import path

from . import views

app_name = "procedures"

urlpatterns = [
    path("<str:code>/", views.procedure_by_code, name="by_code"),
]
