"""One family for every error an officer may see.

A `KnownError` is a fact of life at a counter (a wrong password, a mistyped tracking number, a
full disk, a server that is down): its ``str()`` is the whole message, in words an officer can
act on, and the counter window shows it as a warning while the command line prints it as one
line. ``bad_input`` marks a request that was wrong in itself (the command line exits 2 for it,
1 for the others). Anything that is not a `KnownError` is a bug: logged in full and shown once
in the crash dialog.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar, Self

if TYPE_CHECKING:
    from khidmat_desk.core.issues import Said


class KnownError(Exception):
    """A problem an officer can act on; ``str()`` is the message.

    A message with no varying part is said in the counter's language by looking it up whole;
    one that names a value is made with `told` (its template is then what is translated).
    """

    #: True when the request itself was wrong (a value typed, an argument given).
    bad_input: ClassVar[bool] = False
    #: The message as a template and its arguments, when made with `told`.
    said: Said | None = None

    @classmethod
    def told(cls, template: str, *extra: Any, **args: Any) -> Self:
        """The error saying ``template`` filled with ``args`` ("The CNIC shown ({cnic}) ...");
        ``extra`` goes to the constructor after the message (what else the error carries)."""
        from khidmat_desk.core.issues import Said

        return cls.saying(Said.of(template, args), *extra)

    @classmethod
    def saying(cls, said: Said, *extra: Any) -> Self:
        """The error saying a message made elsewhere (a refusal also shown beside a button)."""
        error = cls(str(said), *extra)
        error.said = said
        return error

    @classmethod
    def retold(cls, other: KnownError, *extra: Any) -> Self:
        """``other``'s message said as this kind of error (its translation goes with it)."""
        error = cls(str(other), *extra)
        error.said = other.said
        return error


class BadInputError(KnownError):
    """A request refused for a value it gave; ``argument`` names the command-line option that
    gave it (the command line prefixes it, the counter window says the message alone)."""

    bad_input = True

    def __init__(self, message: str, argument: str = "") -> None:
        super().__init__(message)
        self.argument = argument


def is_known(exc: BaseException) -> bool:
    return isinstance(exc, KnownError)
