"""Settle abandoned payments with the gateway (querydr): paid there → paid; unpaid and past their
expiry → expired. Run every few minutes (cron, or the task `payments.tasks.settle_payments_task`)."""

from django.core.management.base import BaseCommand

from payments.services import expire_abandoned


class Command(BaseCommand):
    help = "Đối soát các giao dịch thanh toán quá hạn với cổng thanh toán (querydr)."

    def handle(self, *args, **options):
        self.stdout.write(f"Đã đối soát {expire_abandoned()} giao dịch quá hạn.")
