"""Background work through the Django tasks API (django-tasks backport).

TASKS_BACKEND=immediate (default for development and tests) runs a task in-process;
TASKS_BACKEND=database queues it in the database, where `manage.py db_worker` runs it.
"""

from ..env import env_str

_backend = env_str("TASKS_BACKEND", "immediate")

TASKS = {
    "default": {
        "BACKEND": (
            "django_tasks_db.DatabaseBackend"
            if _backend == "database"
            else "django_tasks.backends.immediate.ImmediateBackend"
        ),
    }
}
