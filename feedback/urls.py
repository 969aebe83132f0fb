from django.urls import path

from .views import public, satisfaction, surveys

app_name = "feedback"

urlpatterns = [
    path("", public.feedback_form, name="form"),
    path("thu-tuc/<str:code>/", public.feedback_form, name="procedure_form"),
    path("da-gui/", public.sent, name="sent"),
    path("tra-cuu/", public.lookup, name="lookup"),
    path("hoi-dap/", public.questions, name="questions"),
    path("khao-sat/", surveys.survey_list, name="surveys"),
    path("khao-sat/<slug:slug>/", surveys.survey_detail, name="survey"),
    path("khao-sat/<slug:slug>/cam-on/", surveys.survey_thanks, name="survey_thanks"),
    path("muc-do-hai-long/", satisfaction.satisfaction, name="satisfaction"),
    path("danh-gia/", satisfaction.rate_start, name="rate_start"),
    path("danh-gia/<str:code>/", satisfaction.rate, name="rate_dossier"),
    path("danh-gia/<str:code>/cam-on/", satisfaction.rate_thanks, name="rate_thanks"),
]
