from django.urls import path
from django.views.decorators.cache import never_cache

from .views import counter, staff

app_name = "backoffice"

urlpatterns = [
    path("", never_cache(staff.QueueView.as_view()), name="queue"),
    path("ho-so/<str:code>/", never_cache(staff.DossierView.as_view()), name="dossier"),
    path("ho-so/<str:code>/thao-tac/<str:action>/", staff.ActionView.as_view(), name="action"),
    path("ho-so/<str:code>/ghi-chu/", staff.NoteView.as_view(), name="note"),
    path("ho-so/<str:code>/dem-nguoc/", never_cache(staff.CountdownView.as_view()), name="countdown"),
    path("ho-so/<str:code>/phieu/<int:change_id>.pdf", staff.slip_pdf, name="slip"),
    path("tiep-nhan/", never_cache(counter.CounterView.as_view()), name="counter"),
    path("tiep-nhan/xong/<str:code>/", never_cache(counter.CounterDoneView.as_view()), name="counter_done"),
]
