"""Crash safety: the counter's process SIGKILLed at random instants during saves, status
changes, prints and sync (bench/crash.py; the long run is in bench/, figures in the README)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

HARNESS = Path(__file__).resolve().parents[1] / "bench" / "crash.py"


@pytest.mark.slow
def test_no_kill_loses_a_reported_save_or_breaks_the_database() -> None:
    out = subprocess.run([sys.executable, str(HARNESS), "--kills", "6", "--seed", "7",
                          "--max-ms", "1200", "--json"], capture_output=True, text=True,
                         timeout=600, check=False)
    assert out.returncode == 0, out.stderr[-3000:]
    figures = json.loads(out.stdout)
    assert figures["kills"] == 6
    assert figures["failures"] == 0
    assert figures["saves_reported"] > 0
    assert figures["saves_found"] == figures["saves_reported"]
    assert figures["integrity_failures"] == 0 and figures["audit_failures"] == 0
    assert figures["duplicate_tracking_numbers"] == 0
    # the mix really happened (which steps the kills hit is up to the clock)
    assert figures["status_changes_reported"] > 0
    assert figures["receipts_reported"] + figures["syncs_reported"] > 0
