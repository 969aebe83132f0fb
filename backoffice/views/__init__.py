"""The back office's views: `staff` (the officers' queue, a dossier's detail, actions, notes,
slips) and `counter` (counter and postal dossiers registered by a reception officer)."""
