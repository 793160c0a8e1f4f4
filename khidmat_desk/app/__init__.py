"""Use cases: what the counter does, each one transaction, shared by the GUI and the CLI.

They take plain values, return frozen dataclasses and raise known errors whose message an
officer can read; nothing here imports Qt.
"""
