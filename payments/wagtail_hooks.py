"""Admin: the officers' payments screen (list, gateway log, refund)."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .admin_views import payment_detail, payment_list


class PaymentsMenuItem(MenuItem):
    def is_shown(self, request):
        from backoffice.views.staff import is_officer

        return is_officer(request.user)


@hooks.register("register_admin_urls")
def register_payment_urls():
    return [
        path("thanh-toan/", payment_list, name="payments_admin"),
        path("thanh-toan/<int:pk>/", payment_detail, name="payments_admin_detail"),
    ]


@hooks.register("register_admin_menu_item")
def register_payments_menu_item():
    return PaymentsMenuItem(_("Thanh toán trực tuyến"), reverse("payments_admin"), icon_name="tag", order=160)
