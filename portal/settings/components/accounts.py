"""Settings of the accounts app (owned by that app; imported by base.py)."""
