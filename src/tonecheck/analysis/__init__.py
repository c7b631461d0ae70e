"""Language facts the checks share: no rule ids and no user-facing text."""
