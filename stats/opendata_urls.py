from django.urls import path
from django.views.generic import RedirectView

from .views import opendata

app_name = "opendata"

urlpatterns = [
    # /du-lieu-mo/ is what people type: it leads to the current version's index.
    path("", RedirectView.as_view(pattern_name="opendata:index"), name="root"),
    path("v1/", opendata.index, name="index"),
    path("v1/thu-tuc.<str:fmt>", opendata.catalog, name="catalog"),
    path("v1/thong-ke/<slug:table>.<str:fmt>", opendata.statistics, name="statistics"),
]
