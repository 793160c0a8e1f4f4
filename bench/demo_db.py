"""A large demo database for a benchmark, built once in a child process (its memory is not the
measuring process's) and kept in the temporary folder for the next run."""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path


def build(script: str, path: Path, applications: int, days: int, seed: int) -> None:
    """Run ``script --build-only`` to make the database at ``path``."""
    path.parent.mkdir(parents=True, exist_ok=True)
    print(f"building {applications:,} applications over {days} days in {path} ...", flush=True)
    started = time.perf_counter()
    subprocess.run([sys.executable, script, "--build-only", "--db", str(path),
                    "--applications", str(applications), "--days", str(days),
                    "--seed", str(seed)], check=True)
    print(f"built in {time.perf_counter() - started:.0f} s", flush=True)


def build_here(path: Path, applications: int, days: int, seed: int) -> None:
    """What the child process does: the demo's applications in a database at ``path``."""
    from khidmat_desk.app.demo import build_demo
    from khidmat_desk.store.db import open_database, sqlite_url

    database = open_database(sqlite_url(path), backup_dir=path.parent / "backups")
    try:
        print(build_demo(database, applications=applications, days=days, seed=seed))
    finally:
        database.dispose()


def add_arguments(parser: argparse.ArgumentParser, *, applications: int, days: int,
                  seed: int) -> None:
    """The options of a benchmark that runs on a demo database: which file, how large."""
    parser.add_argument("--db", type=Path, help="SQLite file to use, made if missing "
                        "(default: a file in the temporary folder, reused between runs)")
    parser.add_argument("--applications", type=int, default=applications)
    parser.add_argument("--days", type=int, default=days)
    parser.add_argument("--seed", type=int, default=seed)
    parser.add_argument("--build-only", action="store_true", help=argparse.SUPPRESS)


def prepared(args: argparse.Namespace, script: str, default: Path) -> Path | None:
    """The database the benchmark runs on (``--db``, else ``default``), built by a child
    process when missing; None in that child, whose only work is to build it."""
    path: Path = args.db or default
    if args.build_only:
        build_here(path, args.applications, args.days, args.seed)
        return None
    if not path.exists():
        build(script, path, args.applications, args.days, args.seed)
    return path
