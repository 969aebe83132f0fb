from django.conf import settings
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from core import views as core_views

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("tim-kiem/", include("search.urls")),
    path("thu-tuc/", include("procedures.urls")),
    path("gop-y/", include("feedback.urls")),
    path("tai-khoan/", include("accounts.urls")),
    path("ho-so/", include("dossiers.urls")),
    path("lich-hen/", include("appointments.urls")),
    path("thanh-toan/", include("payments.urls")),
    path("xac-thuc/", include("signing.urls")),
    path("lo-trinh/", include("stats.roadmap_urls")),
    path("thong-ke/", include("stats.urls")),
    path("du-lieu-mo/", include("stats.opendata_urls")),
    path("api/v1/", include("interop.urls")),
    path("i18n/setlang/", core_views.set_language, name="set_language"),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += [path("", include(wagtail_urls))]

handler400 = "core.views.bad_request"
