"""Manage connected systems from the command line (the Wagtail admin does the same).

    manage.py interop_client create NAME --scope dossiers:read --scope dossiers:write --unit 000.00.12.H80
    manage.py interop_client create NAME --scope dossiers:read --all-units
    manage.py interop_client list
    manage.py interop_client rotate NAME      # new token, the old one stops working
    manage.py interop_client revoke NAME      # the token stops working; history and log stay

The token is printed once, by `create` and `rotate`; only its SHA-256 digest is stored.
"""

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from agencies.models import Agency
from interop import services
from interop.constants import Scope
from interop.models import ApiClient


class Command(BaseCommand):
    help = "Tạo, liệt kê, cấp khóa mới hoặc thu hồi khóa của hệ thống liên thông (API /api/v1/)."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="command", required=True)
        create = sub.add_parser("create", help="Tạo hệ thống và in khóa (một lần).")
        create.add_argument("name")
        create.add_argument("--scope", action="append", choices=Scope.values, required=True)
        create.add_argument("--unit", action="append", default=[], help="Mã đơn vị (lặp lại được).")
        create.add_argument("--all-units", action="store_true")
        create.add_argument("--description", default="")
        sub.add_parser("list", help="Liệt kê các hệ thống.")
        for name in ("rotate", "revoke"):
            sub.add_parser(name).add_argument("name")

    def handle(self, *args, **options):
        command = options["command"]
        if command == "create":
            return self._create(options)
        if command == "list":
            for client in ApiClient.objects.prefetch_related("units"):
                units = "*" if client.all_units else ",".join(u.code for u in client.units.all())
                state = "active" if client.is_usable else "revoked"
                self.stdout.write(f"{client.name}\t{state}\t{' '.join(client.scopes)}\t{units}")
            return
        client = ApiClient.objects.filter(name=options["name"]).first()
        if client is None:
            raise CommandError(f"Không có hệ thống “{options['name']}”.")
        if command == "revoke":
            services.revoke_client(client=client)
            self.stdout.write(f"Đã thu hồi khóa của {client.name}.")
        else:
            token = services.issue_token(client=client)
            ApiClient.objects.filter(pk=client.pk).update(active=True)
            self.stdout.write(token)

    def _create(self, options):
        units = []
        for code in options["unit"]:
            found = list(Agency.objects.filter(code=code))
            if len(found) != 1:
                raise CommandError(f"Mã đơn vị “{code}”: {len(found)} đơn vị mang mã này (cần đúng một).")
            units.extend(found)
        if not units and not options["all_units"]:
            raise CommandError("Chọn ít nhất một --unit hoặc --all-units.")
        try:
            client, token = services.create_client(
                name=options["name"],
                scopes=options["scope"],
                units=units,
                all_units=options["all_units"],
                description=options["description"],
            )
        except ValidationError as invalid:
            raise CommandError("; ".join(invalid.messages))
        self.stderr.write(f"Đã tạo {client.name}. Khóa (chỉ hiện một lần):")
        self.stdout.write(token)
