"""What can go wrong while syncing, each with a message an officer or in-charge can act on.

The kind decides what the sender does next: a dropped link is retried as soon as the link is
back, a busy or failing server is retried after a backoff, a refused token waits for the
in-charge. None of them ever deletes or skips an outbox entry.
"""

from __future__ import annotations

from khidmat_desk.errors import KnownError


class SyncError(KnownError):
    """A sync that could not finish; ``str()`` is the message for people."""


class SyncNotConfigured(SyncError):  # noqa: N818 - public name, read as a message
    """No server or no token yet."""

    bad_input = True


class InsecureServerUrl(SyncNotConfigured):
    """Plain HTTP to a machine other than this one."""


class LinkDown(SyncError):  # noqa: N818 - public name, read as a message
    """The server could not be reached or did not answer in time."""


class ServerBusy(SyncError):  # noqa: N818 - public name, read as a message
    """429 or 503: the server asks us to come back later (``retry_after`` seconds, if said)."""

    def __init__(self, message: str, retry_after: float | None) -> None:
        super().__init__(message)
        self.retry_after = retry_after


class ServerFailed(SyncError):  # noqa: N818 - public name, read as a message
    """The server answered with an error of its own (5xx)."""


class BadReply(SyncError):  # noqa: N818 - public name, read as a message
    """The reply was not what the protocol promises (damaged, cut short, for another batch)."""


class TokenRefused(SyncError):  # noqa: N818 - public name, read as a message
    """401/403: the server does not accept this counter's token."""


class BatchTooLarge(SyncError):  # noqa: N818 - public name, read as a message
    """413: the batch (or one record in it) is larger than the server takes."""


class RequestRefused(SyncError):  # noqa: N818 - public name, read as a message
    """Any other 4xx: the request itself is wrong; ``detail`` is the server's reason."""
