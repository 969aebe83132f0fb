"""Wagtail admin for connected systems: create (the token is shown once), edit, issue a new token;
and the call log, read only."""

from django import forms
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views import View
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.views import generic

from . import services
from .constants import Scope
from .models import ApiClient

__all__ = ["ApiClientCreateView", "ApiClientForm", "RotateTokenView"]


class ApiClientForm(WagtailAdminModelForm):
    scopes = forms.MultipleChoiceField(
        label=_("Quyền"), choices=Scope.choices, widget=forms.CheckboxSelectMultiple, required=False
    )

    class Meta:
        model = ApiClient
        fields = ["name", "description", "scopes", "all_units", "units", "active"]


def _token_page(request, client: ApiClient, token: str):
    return TemplateResponse(
        request,
        "interop/admin/token.html",
        {"client": client, "token": token, "index_url": reverse("interop_clients:index")},
    )


class ApiClientCreateView(generic.CreateView):
    def save_instance(self):
        self.token = services.issue_token(client=self.form.instance, save=False)
        return super().save_instance()

    def save_action(self):
        return _token_page(self.request, self.object, self.token)


class RotateTokenView(View):
    """GET asks for confirmation, POST issues a new token and shows it once."""

    def dispatch(self, request, pk):
        if not request.user.has_perm("interop.change_apiclient"):
            raise PermissionDenied
        self.client = get_object_or_404(ApiClient, pk=pk)
        return super().dispatch(request, pk)

    def get(self, request, pk):
        return TemplateResponse(
            request,
            "interop/admin/confirm_rotate.html",
            {"client": self.client, "index_url": reverse("interop_clients:index")},
        )

    def post(self, request, pk):
        token = services.issue_token(client=self.client)
        ApiClient.objects.filter(pk=self.client.pk).update(active=True)
        return _token_page(request, self.client, token)
