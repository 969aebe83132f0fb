from django.urls import path

from .views import citizen, public, wizard

app_name = "dossiers"

urlpatterns = [
    path("tra-cuu/", public.lookup, name="lookup"),
    path("nop/<str:code>/", wizard.SubmissionWizard.as_view(), name="submit"),
    path("tep/<uuid:file_id>/", public.serve_file, name="file"),
    path("<str:code>/bien-nhan/", public.receipt, name="receipt"),
    path("<str:code>/bien-nhan.pdf", public.receipt_pdf, name="receipt_pdf"),
    path("<str:code>/", citizen.dossier_page, name="detail"),
    path("<str:code>/thao-tac/<str:action>/", citizen.citizen_action, name="citizen_action"),
    path("<str:code>/phieu/<int:change_id>.pdf", citizen.citizen_slip, name="slip"),
]
