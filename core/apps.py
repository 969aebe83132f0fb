from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "core"

    def ready(self):
        # Wagtail's content replaces the page cache's content version when written (core.pagecache);
        # the project's apps connect their own models in their ready().
        from .pagecache import connect_wagtail_content

        connect_wagtail_content()
