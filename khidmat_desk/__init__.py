"""Khidmat Desk: counter application for Punjab Police Khidmat Markaz service centres."""

__version__ = "0.1.0"
