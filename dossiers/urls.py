from django.urls import path

from forms.wizard import SubmissionWizard

from . import citizen_views, views

app_name = "dossiers"

urlpatterns = [
    path("tra-cuu/", views.lookup, name="lookup"),
    path("nop/<str:code>/", SubmissionWizard.as_view(), name="submit"),
    path("tep/<uuid:file_id>/", views.serve_file, name="file"),
    path("<str:code>/bien-nhan/", views.receipt, name="receipt"),
    path("<str:code>/bien-nhan.pdf", views.receipt_pdf, name="receipt_pdf"),
    path("<str:code>/", citizen_views.dossier_page, name="detail"),
    path("<str:code>/thao-tac/<str:action>/", citizen_views.citizen_action, name="citizen_action"),
    path("<str:code>/phieu/<int:change_id>.pdf", citizen_views.citizen_slip, name="slip"),
]
