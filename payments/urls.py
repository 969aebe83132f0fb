from django.conf import settings
from django.urls import include, path

from . import views

app_name = "payments"

urlpatterns = [
    path("ho-so/<str:code>/", views.pay_view, name="pay"),
    path("ho-so/<str:code>/bien-lai/<int:payment_id>.pdf", views.receipt_pdf_view, name="receipt_pdf"),
    path("ket-qua/", views.return_view, name="return"),
    path("ipn/", views.ipn_view, name="ipn"),
]

if settings.PAYMENT_SIMULATOR:
    urlpatterns.append(path("gia-lap/", include("payments.simulator.urls")))
