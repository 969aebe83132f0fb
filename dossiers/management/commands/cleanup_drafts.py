from django.core.management.base import BaseCommand

from dossiers.tasks import cleanup_abandoned_drafts_task


class Command(BaseCommand):
    help = "Enqueue (or, with the immediate backend, run) the cleanup of abandoned drafts and their files."

    def handle(self, *args, **options):
        result = cleanup_abandoned_drafts_task.enqueue()
        self.stdout.write(f"cleanup task {result.id}: {result.status}")
