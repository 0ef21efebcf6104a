"""Backups of the vault: made after a day with changes, verified, rotated; restored in place."""
