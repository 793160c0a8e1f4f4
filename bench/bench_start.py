"""Process start to sign-in window shown, against a bare PySide6 window started the same way.

Each run is a new Python process; the time is from spawning it to the line it prints once its
window is shown and the event loop has turned (the first moment an officer could type). Runs
alternate between the two so machine noise hits both alike.

    .venv/bin/python bench/bench_start.py [--runs 15]          # offscreen
    xvfb-run -a .venv/bin/python bench/bench_start.py --x11     # a real X window
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BARE = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel
app = QApplication(sys.argv)
window = QLabel("Khidmat Desk")
window.show()
QTimer.singleShot(0, lambda: (print("shown", flush=True), app.quit()))
app.exec()
"""

COUNTER = """
import sys
from pathlib import Path
from PySide6.QtWidgets import QApplication
from khidmat_desk.gui.app import run
run(Path(sys.argv[1]), on_login_shown=lambda: (print("shown", flush=True), QApplication.quit()))
"""


def time_once(code: str, *args: str, env: dict[str, str]) -> float:
    """Milliseconds from spawn to the "shown" line (the process's exit is not counted)."""
    start = time.perf_counter()
    with subprocess.Popen([sys.executable, "-c", code, *args], env=env, text=True,
                          stdout=subprocess.PIPE, stderr=subprocess.DEVNULL) as child:
        assert child.stdout is not None
        line = child.stdout.readline()
        elapsed = time.perf_counter() - start
        child.wait(timeout=60)
    if line.strip() != "shown":
        raise SystemExit(f"the window was never shown (exit {child.returncode})")
    return elapsed * 1000


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--x11", action="store_true", help="use the X display (xvfb-run)")
    args = parser.parse_args()
    env = dict(os.environ)
    if not args.x11:
        env["QT_QPA_PLATFORM"] = "offscreen"
    with tempfile.TemporaryDirectory() as folder:
        data = Path(folder) / "centre"
        subprocess.run([sys.executable, "-m", "khidmat_desk.cli.main", "demo", "--data-dir",
                        str(data), "--applications", "300"], check=True, env=env,
                       capture_output=True)
        time_once(BARE, env=env)  # warm the file cache for both
        time_once(COUNTER, str(data), env=env)
        bare, counter = [], []
        for _ in range(args.runs):
            bare.append(time_once(BARE, env=env))
            counter.append(time_once(COUNTER, str(data), env=env))
    b, c = statistics.median(bare), statistics.median(counter)
    print(f"bare PySide6 window: median {b:.0f} ms (min {min(bare):.0f})")
    print(f"sign-in window:      median {c:.0f} ms (min {min(counter):.0f})")
    print(f"ratio: {c / b:.2f}x (budget 2x)")


if __name__ == "__main__":
    main()
