from django.urls import path
from django.views.decorators.cache import never_cache

from . import counter, views

app_name = "backoffice"

urlpatterns = [
    path("", never_cache(views.QueueView.as_view()), name="queue"),
    path("ho-so/<str:code>/", never_cache(views.DossierView.as_view()), name="dossier"),
    path("ho-so/<str:code>/thao-tac/<str:action>/", views.ActionView.as_view(), name="action"),
    path("ho-so/<str:code>/ghi-chu/", views.NoteView.as_view(), name="note"),
    path("ho-so/<str:code>/dem-nguoc/", never_cache(views.CountdownView.as_view()), name="countdown"),
    path("ho-so/<str:code>/phieu/<int:change_id>.pdf", views.slip_pdf, name="slip"),
    path("tiep-nhan/", never_cache(counter.CounterView.as_view()), name="counter"),
    path("tiep-nhan/xong/<str:code>/", never_cache(counter.CounterDoneView.as_view()), name="counter_done"),
]
