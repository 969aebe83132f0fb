"""Settings of the dossiers app (owned by that app; imported by base.py)."""
