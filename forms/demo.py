"""Demo online forms (placeholder until online submission lands): called by `manage.py load_demo`."""

__all__ = ["load_demo_forms"]


def load_demo_forms() -> int:
    """Create or update the demo online forms; returns how many exist."""
    return 0
