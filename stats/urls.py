from django.urls import path

from .views import public as views

app_name = "stats"

urlpatterns = [
    path("", views.province, name="province"),
    path("co-quan/<slug:slug>/", views.agency, name="agency"),
    path("thu-tuc/<str:code>/", views.procedure, name="procedure"),
    path("xuat/<slug:table>.<str:fmt>", views.export, name="export"),
    path("bao-cao/<slug:roadmap>/<int:year>.<str:fmt>", views.yearly_report, name="report"),
]
