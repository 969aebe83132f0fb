from django.urls import path

from .views.admin import DashboardView, DossierRecordsView, RecordsView

urlpatterns = [
    path("", DashboardView.as_view(), name="dashboard"),
    path("chi-tiet/", RecordsView.as_view(), name="records"),
    path("ho-so/", DossierRecordsView.as_view(), name="dossiers"),
]
