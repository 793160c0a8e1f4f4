"""One error family: the counter window and the command line agree on what is a known error."""

from __future__ import annotations

import importlib
import inspect
import pkgutil

import pytest

import khidmat_desk
from khidmat_desk.cli.errors import EXIT_BAD_INPUT, EXIT_FAILURE, BadInput, CommandError
from khidmat_desk.cli.translate import translate_error
from khidmat_desk.errors import KnownError, is_known

#: Exceptions that are deliberately not for the officer: faults in the program or its data.
BUGS = {"NotSignedIn", "DemoDataError", "StepIncompleteError", "PayloadError",
        "UnreadableFile", "RecordError"}


def _error_classes() -> list[type[BaseException]]:
    found: dict[str, type[BaseException]] = {}
    for info in pkgutil.walk_packages(khidmat_desk.__path__, "khidmat_desk."):
        if ".gui" in info.name or info.name.endswith("__main__"):
            continue
        module = importlib.import_module(info.name)
        for name, value in vars(module).items():
            if (inspect.isclass(value) and issubclass(value, Exception)
                    and value.__module__ == module.__name__):
                found[name] = value
    return list(found.values())


@pytest.mark.parametrize("kind", _error_classes(), ids=lambda k: k.__name__)
def test_every_error_raised_for_people_is_known(kind: type[BaseException]) -> None:
    """A new error class joins the family or is named here as a bug on purpose."""
    assert issubclass(kind, KnownError) or kind.__name__ in BUGS


def test_the_command_line_sorts_by_the_family() -> None:
    from khidmat_desk.auth.users import AccountDisabled, BadCredentials
    from khidmat_desk.core.tracking import TrackingNumberError
    from khidmat_desk.core.workflow import RoleNotAllowedError, WorkflowError
    from khidmat_desk.store.errors import DiskFullError

    disabled = translate_error(AccountDisabled())
    assert isinstance(disabled, CommandError) and disabled.exit_code == EXIT_FAILURE
    assert disabled.message == str(AccountDisabled())
    wrong = translate_error(BadCredentials(2))
    assert isinstance(wrong, BadInput) and wrong.exit_code == EXIT_BAD_INPUT
    assert wrong.message.startswith("--user/password: ")
    mistyped = TrackingNumberError("check", "LHR01-261123-07-0042-7")
    typo = translate_error(mistyped)
    assert typo is not None and typo.message == f"tracking number: {mistyped}"
    not_allowed = translate_error(WorkflowError("no"))
    assert not_allowed is not None and not_allowed.exit_code == EXIT_BAD_INPUT
    only_in_charge = translate_error(RoleNotAllowedError("only the in-charge"))
    assert only_in_charge is not None and only_in_charge.exit_code == EXIT_FAILURE
    assert only_in_charge.message == "only the in-charge"
    full = translate_error(DiskFullError())
    assert full is not None and full.exit_code == EXIT_FAILURE


def test_a_bug_is_not_known() -> None:
    assert translate_error(KeyError("x")) is None
    assert not is_known(ZeroDivisionError())
    assert is_known(BadInput("--x: wrong"))
