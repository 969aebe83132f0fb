from django.conf import settings
from django.contrib.auth import views as auth_views
from django.urls import include, path

from . import views

app_name = "accounts"

urlpatterns = [
    path("dang-nhap/", views.SignInView.as_view(), name="login"),
    path("dang-xuat/", auth_views.LogoutView.as_view(), name="logout"),
    path("dang-ky/", views.register, name="register"),
    path("dang-ky/da-gui/", views.register_sent, name="register_sent"),
    path("xac-minh/<str:token>/", views.verify_email, name="verify_email"),
    path("xac-minh-lai/", views.resend_verification, name="resend_verification"),
    path("ho-so-cua-toi/", views.my_dossiers, name="my_dossiers"),
    path("quen-mat-khau/", views.password_reset, name="password_reset"),
    path("quen-mat-khau/da-gui/", views.password_reset_done, name="password_reset_done"),
    path("dat-lai-mat-khau/<uidb64>/<token>/", views.password_reset_confirm, name="password_reset_confirm"),
    path("dat-lai-mat-khau/xong/", views.password_reset_complete, name="password_reset_complete"),
]

if getattr(settings, "OIDC_ENABLED", False):  # national SSO, switched on by configuration
    urlpatterns += [path("oidc/", include("mozilla_django_oidc.urls"))]
