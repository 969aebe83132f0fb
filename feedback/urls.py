from django.urls import path

from .views import public, surveys

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
]
