"""Admin screen "Thư đi" (Settings): every e-mail owed to a citizen, whether it went out, and a way
to send again one that was given up (administrators, with the change permission on outgoing e-mail)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from wagtail import hooks
from wagtail.admin.ui.menus import MenuItem as ListMenuItem
from wagtail.admin.views.generic import IndexView
from wagtail.admin.viewsets.model import ModelViewSet

from .constants import EmailStatus
from .models import OutgoingEmail
from .services import retry


class OutgoingEmailIndexView(IndexView):
    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        if instance.status == EmailStatus.FAILED and self.permission_policy.user_has_permission(
            self.request.user, "change"
        ):
            buttons.append(
                ListMenuItem(
                    _("Gửi lại"),
                    url=reverse("outgoing_emails:retry", args=[instance.pk]),
                    icon_name="redirect",
                )
            )
        return buttons


class RetryView(View):
    """GET: a confirmation page; POST: the message given up is owed again (sent within minutes by
    the task queue, or by `deliver_emails`)."""

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm("notifications.change_outgoingemail"):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get(self, request, pk: int):
        email = get_object_or_404(OutgoingEmail, pk=pk)
        return TemplateResponse(request, "notifications/admin/retry.html", {"email": email})

    def post(self, request, pk: int):
        email = get_object_or_404(OutgoingEmail, pk=pk)
        if retry(email):
            messages.success(
                request, _("Đã đưa thư gửi %(to)s vào hàng đợi gửi lại.") % {"to": email.recipient}
            )
        else:
            messages.info(request, _("Thư này không ở trạng thái gửi không được."))
        return redirect("outgoing_emails:index")


class OutgoingEmailViewSet(ModelViewSet):
    """Read only, plus "Gửi lại" for a message given up."""

    model = OutgoingEmail
    icon = "mail"
    menu_label = gettext_lazy("Thư đi")
    add_to_settings_menu = True
    list_display = ["created_at", "kind_label", "recipient", "status", "attempts", "sent_at", "last_error"]
    list_filter = ["status", "kind"]
    search_fields = ["recipient"]
    copy_view_enabled = False
    inspect_view_enabled = True
    index_view_class = OutgoingEmailIndexView
    exclude_form_fields = []  # no form view is routed (get_urlpatterns)

    def get_urlpatterns(self):
        keep = {"index", "index_results", "inspect"}
        return [pattern for pattern in super().get_urlpatterns() if pattern.name in keep] + [
            path("<int:pk>/gui-lai/", RetryView.as_view(), name="retry")
        ]

    def get_common_view_kwargs(self, **kwargs):
        no_views = dict.fromkeys(
            ["add_url_name", "edit_url_name", "delete_url_name", "history_url_name", "usage_url_name"]
        )
        return super().get_common_view_kwargs(**{**no_views, **kwargs})


@hooks.register("register_admin_viewset")
def register_outgoing_emails():
    return OutgoingEmailViewSet("outgoing_emails", url_prefix="thu-di")
