"""One rotating log file per data directory, named loggers per subsystem ("khidmat.<area>")."""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s [%(process)d] %(message)s"


def setup_logging(data_dir: Path | None, *, verbose: bool = False) -> Path | None:
    """Log to data_dir/logs/khidmat.log (5 x 2 MB); warnings also reach stderr when verbose."""
    root = logging.getLogger("khidmat")
    root.setLevel(logging.DEBUG if verbose else logging.INFO)
    for handler in list(root.handlers):
        root.removeHandler(handler)
        handler.close()
    path = None
    if data_dir is not None and data_dir.is_dir():
        (data_dir / "logs").mkdir(exist_ok=True)
        path = data_dir / "logs" / "khidmat.log"
        file_handler = logging.handlers.RotatingFileHandler(
            path, maxBytes=2_000_000, backupCount=5, encoding="utf-8")
        file_handler.setFormatter(logging.Formatter(LOG_FORMAT))
        root.addHandler(file_handler)
    if verbose:
        stream = logging.StreamHandler()
        stream.setFormatter(logging.Formatter(LOG_FORMAT))
        root.addHandler(stream)
    return path
