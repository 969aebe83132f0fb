"""The dossiers app's service layer, one module per job (import from the module itself):

- `builder`: `build_dossier`, the one way a Dossier row is made (code, dates, units, first history row);
- `drafts`: the wizard's drafts and their uploads, clean-up of abandoned drafts;
- `submission`: `submit_draft`, online submission in one transaction;
- `counter`: counter and postal dossiers registered by a reception officer;
- `lookup`: the public status lookup and its rate limit;
- `fees`: the fee a dossier owes by its procedure's record, and whether it is paid when filing.

Status changes are not here: `dossiers.lifecycle.perform()` is the one entry point for them.
"""
