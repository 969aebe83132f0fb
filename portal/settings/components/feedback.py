"""Settings of the feedback app (owned by that app; imported by base.py)."""
