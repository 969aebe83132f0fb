"""The dossiers app's form classes: `steps` (the submission wizard's steps, built from a frozen
form schema) and `actions` (lifecycle actions, for officers and citizens)."""
