from django.urls import path

from .views import opendata

app_name = "opendata"

urlpatterns = [
    path("v1/", opendata.index, name="index"),
    path("v1/thu-tuc.<str:fmt>", opendata.catalog, name="catalog"),
    path("v1/thong-ke/<slug:table>.<str:fmt>", opendata.statistics, name="statistics"),
]
