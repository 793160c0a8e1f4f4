"""Sync with the central server: protocol, HTTP transport, the outbox sender, offline bundles.

No Qt here: the GUI hosts a `Syncer` on a worker thread; the CLI runs the same one.
"""
