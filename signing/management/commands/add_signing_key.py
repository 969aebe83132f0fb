from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from agencies.models import Agency
from signing.keys import KeyUnavailable
from signing.services import add_pkcs11_key, add_pkcs12_key


class Command(BaseCommand):
    help = (
        "Register an agency's signing key (docs/signing.md): a PKCS#12 file on the server "
        "(--pkcs12 PATH), or a key on a token/HSM (--pkcs11-module, --token, --key-label, --certificate). "
        "The passphrase or PIN stays in the environment variable named by --secret-env."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--agency", required=True, help="the agency's electronic identifier (mã định danh)"
        )
        parser.add_argument("--pkcs12")
        parser.add_argument("--pkcs11-module")
        parser.add_argument("--token")
        parser.add_argument("--key-label")
        parser.add_argument("--certificate", help="PEM file of the token's certificate (PKCS#11)")
        parser.add_argument("--secret-env", default="")

    def handle(self, *args, **options):
        agency = Agency.objects.filter(code=options["agency"]).first()
        if agency is None:
            raise CommandError(f"Không có cơ quan mã {options['agency']}.")
        try:
            if options["pkcs12"]:
                key = add_pkcs12_key(agency=agency, path=options["pkcs12"], secret_env=options["secret_env"])
            elif options["pkcs11_module"]:
                missing = [n for n in ("token", "key_label", "certificate") if not options[n]]
                if missing:
                    raise CommandError("PKCS#11 cần --token, --key-label và --certificate.")
                key = add_pkcs11_key(
                    agency=agency, module=options["pkcs11_module"], token=options["token"],
                    key_label=options["key_label"], certificate_pem=Path(options["certificate"]).read_bytes(),
                    secret_env=options["secret_env"],
                )  # fmt: skip
            else:
                raise CommandError("Cần --pkcs12 hoặc --pkcs11-module.")
        except KeyUnavailable as error:
            raise CommandError(error.message) from None
        self.stdout.write(
            f"Đã thêm khóa ký số cho {agency}: {key.subject}, hiệu lực đến {key.not_after:%d/%m/%Y}."
        )
