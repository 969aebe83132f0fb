"""Admin view: link a roadmap item to catalog procedures (suggestions, confirmation, removal)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from procedures.models import ProcedurePage
from procedures.services import find_by_code

from .constants import LinkOrigin
from .models import ItemProcedureLink, RoadmapItem
from .permissions import is_monitor
from .services import confirm_link, remove_link, suggest_procedures


class ItemLinksView(WagtailAdminTemplateMixin, TemplateView):
    """GET: the item's confirmed procedures and suggestions. POST: confirm or remove links (monitors)."""

    template_name = "roadmap/admin/item_links.html"
    page_title = gettext_lazy("Thủ tục thực hiện hạng mục")
    header_icon = "link"

    def dispatch(self, request, *args, pk, **kwargs):
        if not is_monitor(request.user):
            raise PermissionDenied
        self.item = get_object_or_404(RoadmapItem.objects.select_related("roadmap", "agency"), pk=pk)
        return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self):
        return str(self.item)

    def get_breadcrumbs_items(self):
        viewset_url = reverse("wagtailsnippets_roadmap_roadmapitem:list")
        return self.breadcrumbs_items + [
            {"url": viewset_url, "label": _("Hạng mục lộ trình")},
            {"url": "", "label": self.get_page_title(), "sublabel": self.get_page_subtitle()},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            item=self.item,
            links=self.item.links.select_related("procedure", "confirmed_by").order_by("procedure__code"),
            suggestions=suggest_procedures(item=self.item),
        )
        return context

    def post(self, request, *args, **kwargs):
        action = request.POST.get("action")
        if action == "remove":
            link = get_object_or_404(ItemProcedureLink, pk=request.POST.get("link"), item=self.item)
            remove_link(link=link, user=request.user)
            messages.success(
                request, _("Đã bỏ liên kết với thủ tục %(code)s.") % {"code": link.procedure.code}
            )
        elif action == "confirm":
            ids = [value for value in request.POST.getlist("procedure") if value.isdigit()]
            origin = request.POST.get("origin") or LinkOrigin.NAME
            if origin not in LinkOrigin.values:
                origin = LinkOrigin.NAME
            pages = ProcedurePage.objects.filter(pk__in=ids)
            for page in pages:
                confirm_link(item=self.item, procedure=page, user=request.user, origin=origin)
            if pages:
                messages.success(request, _("Đã xác nhận %(n)s thủ tục.") % {"n": len(pages)})
            else:
                messages.error(request, _("Chưa chọn thủ tục nào để xác nhận."))
        elif action == "add_code":
            code = request.POST.get("code", "").strip()
            page = find_by_code(code, live_only=False)
            if page is None:
                messages.error(request, _("Không tìm thấy thủ tục có mã “%(code)s”.") % {"code": code})
            else:
                confirm_link(item=self.item, procedure=page, user=request.user, origin=LinkOrigin.MANUAL)
                messages.success(request, _("Đã liên kết thủ tục %(code)s.") % {"code": page.code})
        return redirect(reverse("roadmap_admin:item_links", args=[self.item.pk]))
