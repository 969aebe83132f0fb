"""Background work through the Django tasks API (django-tasks backport).

TASKS_BACKEND selects where tasks run:
- ``immediate`` (default; development and tests): in-process, right away;
- ``rq``: queued in Redis (django-tasks-rq, the production broker); ``TASKS_REDIS_URL`` points at
  Redis and ``manage.py rqworker default --job-class django_tasks_rq.Job`` runs the workers (a plain RQ
  worker fails every task: tests/test_stack.py).
"""

from ..env import env_str

_backend = env_str("TASKS_BACKEND", "immediate")
_redis_url = env_str("TASKS_REDIS_URL", "redis://127.0.0.1:6379/1")

_BACKENDS = {
    "immediate": "django_tasks.backends.immediate.ImmediateBackend",
    "rq": "django_tasks_rq.RQBackend",
}

TASKS = {"default": {"BACKEND": _BACKENDS.get(_backend, _BACKENDS["immediate"]), "QUEUES": ["default"]}}
RQ_QUEUES = {"default": {"URL": _redis_url, "DEFAULT_TIMEOUT": 600}}
