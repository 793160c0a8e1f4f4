"""The in-charge's registers and exports: the day summary, and its PDF, XLSX and CSV forms.

Below the use cases, beside ``store``: every query reads one working day's span through an
index on time (or the few open applications through the status index), so the cost grows with
the day's work, not with years of history. No Qt here.
"""
