"""The public verification pages: upload a signed PDF, or follow the QR code on a result. Thin:
signing.services. Nothing uploaded is stored; no personal data is shown (the dossier code only)."""

from django.http import Http404
from django.shortcuts import render
from django.views.decorators.cache import never_cache

from .forms import VerifyForm
from .models import SignedDocument
from .services import verify


@never_cache
def verify_view(request):
    result = None
    if request.method == "POST":
        form = VerifyForm(request.POST, request.FILES)
        if form.is_valid():
            result = verify(form.cleaned_data["file"].read())
    else:
        form = VerifyForm()
    status = 400 if form.errors else 200
    return render(request, "signing/verify.html", {"form": form, "result": result}, status=status)


def document_view(request, token: str):
    """Where the QR code on a result leads: the register's record of that document."""
    document = SignedDocument.objects.select_related("agency", "key").filter(token=token).first()
    if document is None:
        raise Http404
    return render(request, "signing/document.html", {"document": document, "form": VerifyForm()})
