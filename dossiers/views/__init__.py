"""The dossiers app's views: `wizard` (online submission), `citizen` (the citizen's dossier page and
actions), `public` (status lookup, receipts, files)."""
