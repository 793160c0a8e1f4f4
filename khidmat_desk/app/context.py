"""One counter's open data folder, as every front end uses it: settings, database, tariff,
document layouts (with the centre's replacements), reference-list overrides, the centre's clock,
the signing key and the signed-in user.

The counter window and each command line run open it the same way, so both see the same tariff
and the same layouts: there is no fallback to the shipped files once a context is open.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from khidmat_desk.app.settings import CounterSettings

if TYPE_CHECKING:
    from khidmat_desk.auth.secrets import SecretStore
    from khidmat_desk.auth.users import UserInfo
    from khidmat_desk.core.catalogue import Tariff
    from khidmat_desk.printing.signing import Signer
    from khidmat_desk.printing.templates import Templates
    from khidmat_desk.store.db import Database


class NotSignedIn(RuntimeError):  # noqa: N818 - reads as "not signed in" where it is raised
    """A use case that needs an officer was asked for before anyone signed in (a bug)."""


@dataclass
class CounterContext:
    settings: CounterSettings
    db: Database
    tariff: Tariff
    user: UserInfo | None = None
    _templates: Templates | None = field(default=None, repr=False)
    _signer: Signer | None = field(default=None, repr=False)

    @classmethod
    def open(cls, settings: CounterSettings) -> CounterContext:
        """Read the centre's tariff, layouts and reference overrides, and open the database
        (upgraded, after a backup, if older)."""
        from khidmat_desk.core import clock, reference
        from khidmat_desk.core.catalogue import load_tariff
        from khidmat_desk.store.db import open_database

        reference.set_override_dir(settings.data_dir)
        clock.set_centre_zone(str(settings.get("timezone")))
        tariff = load_tariff(settings.tariff_override)
        db = open_database(settings.database_url, backup_dir=settings.backup_dir)
        return cls(settings, db, tariff)

    @property
    def centre_code(self) -> str:
        return str(self.settings.get("centre_code"))

    @property
    def counter(self) -> int:
        return int(self.settings.get("counter"))

    @property
    def officer(self) -> UserInfo:
        """The signed-in user, for use cases that record who did something."""
        if self.user is None:
            raise NotSignedIn("nobody is signed in at this counter")
        return self.user

    @property
    def templates(self) -> Templates:
        """The document layouts with the centre's replacements, read when first needed."""
        if self._templates is None:
            from khidmat_desk.app.data_checks import check_layouts
            from khidmat_desk.printing.templates import load_templates

            self._templates = check_layouts(load_templates(self.settings.templates_dir))
        return self._templates

    def secret_store(self) -> SecretStore:
        from khidmat_desk.auth.secrets import SecretStore

        return SecretStore(self.settings.data_dir, str(self.settings.get("secret_store")))

    def signer(self) -> Signer:
        """The centre's signing key, read from the secret store once and then kept."""
        if self._signer is None:
            from khidmat_desk.app.keys import load_signer

            self._signer = load_signer(self.db, self.secret_store(), self.centre_code)
        return self._signer

    def close(self) -> None:
        self.db.dispose()

    def __enter__(self) -> CounterContext:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
