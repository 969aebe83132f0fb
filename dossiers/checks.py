"""Deployment checks of the dossiers app (`manage.py check --deploy`, run by `make test`)."""

from django.conf import settings
from django.core.checks import Error, Tags, register


@register(Tags.security, deploy=True)
def virus_scanner_configured(app_configs, **kwargs):
    """Citizens' uploads must be scanned in production (docs/security.md): no scanner, no deploy."""
    if settings.DOSSIER_VIRUS_SCANNER == "clamd":
        return []
    return [
        Error(
            f"Uploads are not scanned for viruses (VIRUS_SCANNER={settings.DOSSIER_VIRUS_SCANNER!r}).",
            hint="Set VIRUS_SCANNER=clamd and CLAMD_SOCKET (or CLAMD_HOST/CLAMD_PORT) to a running ClamAV daemon.",
            id="dossiers.E001",
        )
    ]
