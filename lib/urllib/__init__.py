"""urllib -- only urllib.parse in refpy (no network access)."""
