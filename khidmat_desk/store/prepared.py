"""Statements of the save path, compiled once per database and run on the driver's cursor.

Saving an application sends about a dozen one-row statements. For each, SQLAlchemy's own work
(cache key, execution context, event dispatch, result set-up) costs several times what SQLite
spends running it, so the statements every save sends are `Prepared`: built with Core as
usual, compiled by SQLAlchemy once per dialect and set of columns, and run with each value
converted by its column's own type, exactly as SQLAlchemy would convert it. SQLite and
PostgreSQL take the same path; the compiled text and the conversions come from the dialect.

Only plain statements qualify: every value is given by the caller (no Python-side column
defaults to compute), no expanding ``IN`` and no escaped parameter names; anything else is
refused when first compiled. Results are the driver's rows, unconverted, so use it for
statements whose results are integers and text (or none). Driver errors are raised as
SQLAlchemy's, so `store.errors.known_error` reads them as it reads any other.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from operator import itemgetter
from typing import Any

from sqlalchemy import Connection
from sqlalchemy.engine import Dialect
from sqlalchemy.exc import DBAPIError
from sqlalchemy.sql.base import Executable
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.types import JSON, TypeDecorator, TypeEngine


@dataclass(frozen=True)
class _Compiled:
    sql: str
    #: Parameter names in the order the SQL text takes them (positional drivers), else None.
    order: tuple[str, ...] | None
    names: tuple[str, ...]
    converters: dict[str, Callable[[Any], Any]]
    literals: dict[str, Any]
    #: Per parameter, in the order the driver takes them: its name and its column's conversion
    #: (None for a type the driver takes as it is: text, integers).
    steps: tuple[tuple[str, Callable[[Any], Any] | None], ...] = field(init=False)
    #: The values in the driver's order, read in one call, and where the conversions apply.
    _values: Callable[[Mapping[str, Any]], tuple[Any, ...]] = field(init=False)
    _conversions: tuple[tuple[int, Callable[[Any], Any]], ...] = field(init=False)

    def __post_init__(self) -> None:
        names = self.names if self.order is None else self.order
        steps = tuple((name, self.converters.get(name)) for name in names)
        object.__setattr__(self, "steps", steps)
        getter = itemgetter(*names) if names else (lambda params: ())
        values = getter if len(names) != 1 else (lambda params: (getter(params),))
        object.__setattr__(self, "_values", values)
        object.__setattr__(self, "_conversions", tuple(
            (index, convert) for index, (_, convert) in enumerate(steps)
            if convert is not None))

    def arguments(self, params: Mapping[str, Any]) -> Any:
        if self.literals:
            params = {**self.literals, **params}
        values: Sequence[Any] = self._values(params)
        if self._conversions:
            values = list(values)
            for index, convert in self._conversions:
                values[index] = convert(values[index])
        if self.order is not None:
            return tuple(values)
        return dict(zip(self.names, values, strict=True))


class Prepared:
    """A Core statement run straight on the driver (see the module's notes)."""

    def __init__(self, statement: Executable) -> None:
        self.statement = statement
        self._compiled: dict[tuple[str, tuple[str, ...]], _Compiled] = {}

    def scalar(self, connection: Connection, params: Mapping[str, Any]) -> Any:
        """Run with one set of values; the first column of the first row returned."""
        row = self._one(connection, params, fetch=True)
        return None if row is None else row[0]

    def first(self, connection: Connection, params: Mapping[str, Any]) -> Any:
        """Run with one set of values; the first row returned (a driver row) or None."""
        return self._one(connection, params, fetch=True)

    def execute(self, connection: Connection, params: Mapping[str, Any]) -> None:
        """Run with one set of values."""
        self._one(connection, params, fetch=False)

    def _one(self, connection: Connection, params: Mapping[str, Any], *, fetch: bool) -> Any:
        compiled = self._for(connection.dialect, params)
        arguments = compiled.arguments(params)
        cursor = _cursor(connection)
        try:
            _run(connection, cursor.execute, compiled, arguments)
            return cursor.fetchone() if fetch else None
        finally:
            cursor.close()

    def execute_many(self, connection: Connection, rows: Sequence[Mapping[str, Any]]) -> None:
        """Run once per row (all rows with the same keys), in one call to the driver."""
        if not rows:
            return
        compiled = self._for(connection.dialect, rows[0])
        cursor = _cursor(connection)
        try:
            _run(connection, cursor.executemany, compiled,
                 [compiled.arguments(row) for row in rows])
        finally:
            cursor.close()

    def _for(self, dialect: Dialect, params: Mapping[str, Any]) -> _Compiled:
        key = (dialect.name, tuple(params))
        found = self._compiled.get(key)
        if found is None:
            found = self._compiled[key] = _compile(self.statement, dialect, tuple(params))
        return found


def _compile(statement: Executable, dialect: Dialect, keys: tuple[str, ...]) -> _Compiled:
    compiled = statement.compile(dialect=dialect,  # type: ignore[attr-defined]
                                 column_keys=list(keys))
    if not isinstance(compiled, SQLCompiler):
        raise TypeError(f"not a SQL statement: {statement}")
    if (compiled.insert_prefetch or compiled.update_prefetch or compiled.escaped_bind_names
            or compiled.literal_execute_params or compiled.post_compile_params):
        raise ValueError("a prepared statement must be given every value and use plain "
                         f"parameters: {compiled.string}")
    converters: dict[str, Callable[[Any], Any]] = {}
    literals: dict[str, Any] = {}
    for bind, name in compiled.bind_names.items():
        convert = _converter(bind.type, dialect)
        if convert is not None:
            converters[name] = convert
        if name not in keys:
            if bind.required:
                raise ValueError(f"no value given for '{name}' in {compiled.string}")
            literals[name] = bind.effective_value
    order = tuple(compiled.positiontup or ()) if compiled.positional else None
    return _Compiled(compiled.string, order, tuple(compiled.bind_names.values()), converters,
                     literals)


#: Conversions of dates and times, one per dialect, driver and column type, shared by all
#: statements.
_MOMENTS: dict[tuple[str, str, type, str], Callable[[Any], Any]] = {}


def _converter(column_type: TypeEngine[Any], dialect: Dialect) -> Callable[[Any], Any] | None:
    """The column type's own conversion of a value for the driver.

    A save hands the same moment to most of its statements (created, updated, paid, queued,
    logged at); dates and times cannot change, so their conversion remembers the last value
    it was given, by identity, and its result."""
    impl = column_type.dialect_impl(dialect)
    convert = impl.bind_processor(dialect)
    if isinstance(impl, JSON):
        return _json_converter(convert)
    if convert is None or not _is_moment(column_type):
        return convert
    key = (dialect.name, dialect.driver, type(column_type), repr(column_type))
    if key not in _MOMENTS:
        _MOMENTS[key] = _remembering(convert)
    return _MOMENTS[key]


class JsonText:
    """A JSON value and its text as `json.dumps` spells it, made once and given to several
    statements: a JSON column whose driver takes that very text (SQLite) is given the text,
    any other converts the value as usual (PostgreSQL's JSONB keeps no spelling anyway)."""

    __slots__ = ("text", "value")

    def __init__(self, value: Any, text: str | None = None) -> None:
        self.value = value
        self.text = json.dumps(value) if text is None else text

    @classmethod
    def with_member(cls, value: Mapping[str, Any], key: str, member: JsonText) -> JsonText:
        """``value``, whose ``key`` holds ``member.value``, spelled with ``member``'s text in
        its place: `json.dumps` spells an object's members one after another, joined by ", ".
        """
        if value[key] is not member.value:
            return cls(value)
        before: dict[str, Any] = {}
        after: dict[str, Any] = {}
        side = before
        for name, item in value.items():
            if name == key:
                side = after
            else:
                side[name] = item
        parts = [json.dumps(before)[1:-1]] if before else []
        parts.append(f"{json.dumps(key)}: {member.text}")
        if after:
            parts.append(json.dumps(after)[1:-1])
        return cls(value, "{" + ", ".join(parts) + "}")


_PROBE = {"text": ["\u00e9\u0645", 1, 2.5, None, True], "": {}}


def _json_converter(convert: Callable[[Any], Any] | None) -> Callable[[Any], Any]:
    """A JSON column's conversion, also given `JsonText`."""
    takes_text = convert is not None and convert(_PROBE) == json.dumps(_PROBE)

    def converted(value: Any) -> Any:
        if type(value) is JsonText:
            if takes_text:
                return value.text
            value = value.value
        return value if convert is None else convert(value)

    return converted


def _is_moment(column_type: TypeEngine[Any]) -> bool:
    if isinstance(column_type, TypeDecorator):  # its own python_type says only "object"
        column_type = column_type.impl_instance
    try:
        python_type = column_type.python_type
    except NotImplementedError:
        return False
    return python_type in (date, datetime)


def _remembering(convert: Callable[[Any], Any]) -> Callable[[Any], Any]:
    last: tuple[Any, Any] = (object(), None)

    def remembered(value: Any) -> Any:
        nonlocal last
        seen, result = last  # one tuple, replaced whole: safe when threads share it
        if value is seen:
            return result
        result = convert(value)
        last = (value, result)
        return result

    return remembered


def _cursor(connection: Connection) -> Any:
    if not connection.in_transaction():
        connection.begin()  # as SQLAlchemy begins on a connection's first statement
    driver = connection.connection.driver_connection
    if driver is None:
        raise RuntimeError("the connection is closed")
    return driver.cursor()


def _run(connection: Connection, call: Callable[[str, Any], Any], compiled: _Compiled,
         arguments: Any) -> None:
    dbapi = connection.dialect.loaded_dbapi
    try:
        call(compiled.sql, arguments)
    except dbapi.Error as exc:
        raise DBAPIError.instance(compiled.sql, arguments, exc, dbapi.Error,
                                  hide_parameters=True, dialect=connection.dialect) from exc
