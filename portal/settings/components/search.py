"""Settings of the search app (owned by that app; imported by base.py)."""
