"""Printed documents as PDF: receipts, certificates, reports and slips, built with reportlab.

No Qt here: the counter window previews and prints the bytes these functions return, and the
command line writes them to a file, so what is printed is the same whichever front end asked.
"""
