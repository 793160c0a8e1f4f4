"""Run the same work in several threads at once, for the tests of what must hold under load."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable
from typing import Any


def run_in_threads(work: Callable[..., object],
                   arguments: Iterable[tuple[Any, ...]]) -> list[BaseException]:
    """Start one thread per tuple of `arguments` calling ``work(*args)``, wait for them all,
    and return what they raised (a test asserts the list is empty)."""
    errors: list[BaseException] = []

    def guarded(*args: Any) -> None:
        try:
            work(*args)
        except BaseException as exc:  # noqa: BLE001 - returned to the test, which asserts on it
            errors.append(exc)

    threads = [threading.Thread(target=guarded, args=args) for args in arguments]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return errors
