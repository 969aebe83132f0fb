from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "core"

    def ready(self):
        # Every write of published content replaces the page cache's content version (core.pagecache).
        from .pagecache import connect_content_version_bumps

        connect_content_version_bumps()
