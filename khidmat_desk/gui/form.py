"""A wizard page's form, generated from one catalogue step: a label, an input and a message line
per field, repeating groups with add/remove, and fields that appear only when they apply.

The form holds what was typed; the core wizard decides what applies and what is wrong, and the
form only shows it.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from khidmat_desk.core import reference
from khidmat_desk.core.conditions import holds
from khidmat_desk.core.fields import Field, FieldType, Step
from khidmat_desk.core.issues import Issue, IssueLevel
from khidmat_desk.core.validation import ValidationResult
from khidmat_desk.gui.inputs import label_of, make_input
from khidmat_desk.gui.labels import ERROR_STYLE
from khidmat_desk.gui.words import issue_label, issue_text

WARNING_STYLE = "color: #8a5a00;"
#: A focus ring that shows on every kind of input, not only on text boxes: the officer works by
#: keyboard and must see where the next key lands (a choice list or a tick box included).
FOCUS_RING = """
QComboBox:focus, QLineEdit:focus, QPlainTextEdit:focus, QDateEdit:focus {
    border: 2px solid #1a73e8; border-radius: 3px; padding: 2px;
}
QCheckBox:focus, QRadioButton:focus {
    background: #dbe8fb; border: 1px solid #1a73e8; border-radius: 3px; padding: 1px 3px;
}
QPushButton:focus { border: 2px solid #1a73e8; border-radius: 3px; padding: 3px 10px; }
"""


class FieldRow(QObject):
    """Label, input and the message line under it, shown or hidden together."""

    changed = Signal()
    left = Signal(str)  # path

    def __init__(self, field: Field, path: str, urdu: bool, grid: QGridLayout, row: int) -> None:
        super().__init__()
        self.field, self.path, self.urdu = field, path, urdu
        self.input = make_input(field, path, urdu)
        text = label_of(field, urdu) + ("" if field.required else self.tr(" (optional)"))
        self.label = QLabel("" if field.type is FieldType.BOOLEAN else text)
        self.label.setBuddy(self.input.focus_widget())
        self.label.setWordWrap(True)
        self.message = QLabel(objectName=f"message:{path}", wordWrap=True)  # type: ignore[call-overload]
        self.message.hide()
        grid.addWidget(self.label, row, 0, Qt.AlignmentFlag.AlignTop)
        grid.addWidget(self.input.widget, row, 1)
        grid.addWidget(self.message, row + 1, 1)
        self.input.changed.connect(self.changed.emit)
        self.input.left.connect(lambda: self.left.emit(self.path))

    def set_visible(self, shown: bool) -> None:
        for widget in (self.label, self.input.widget):
            widget.setVisible(shown)
        if not shown:
            self.message.hide()

    def show_issues(self, issues: tuple[Issue, ...]) -> None:
        if not issues:
            self.message.hide()
            self.message.clear()
            return
        worst = IssueLevel.ERROR if any(i.level == IssueLevel.ERROR for i in issues) \
            else IssueLevel.WARNING
        self.message.setStyleSheet(ERROR_STYLE if worst == IssueLevel.ERROR else WARNING_STYLE)
        self.message.setText("; ".join(issue_text(i, self.urdu) for i in issues))
        self.message.show()


class GroupEditor(QFrame):
    """Rows of a repeating group (periods of residence, items lost), added and removed by key."""

    changed = Signal()
    left = Signal(str)

    def __init__(self, field: Field, urdu: bool) -> None:
        super().__init__(objectName=field.key)  # type: ignore[call-arg]
        self.field, self.urdu = field, urdu
        self.setAccessibleName(field.label)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        # Placed by the page above and below the rows; shown and hidden with them.
        self.title = QLabel(label_of(field, urdu), styleSheet="font-weight: 600;")  # type: ignore[call-overload]
        self.message = QLabel(objectName=f"message:{field.key}", wordWrap=True,  # type: ignore[call-overload]
                              styleSheet=ERROR_STYLE)
        self.message.hide()
        self.rows: list[dict[str, FieldRow]] = []
        self._frames: list[QWidget] = []
        self._removers: list[QPushButton] = []
        self._layout = QVBoxLayout(self)
        self._layout.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)
        self._items = QVBoxLayout()
        self._layout.addLayout(self._items)
        self.add_button = QPushButton(self.tr("Add a row"), objectName=f"{field.key}.add")  # type: ignore[call-overload]
        self.add_button.setToolTip(self.tr("Add a row (Ctrl+Shift+A)"))
        self.add_button.clicked.connect(self._on_add_button_clicked)
        self._layout.addWidget(self.add_button, alignment=Qt.AlignmentFlag.AlignLeft)
        self.set_value([{}] * max(field.min_items, 1 if field.required else 0))

    def value(self) -> list[dict[str, Any]]:
        return [{k: row.input.value() for k, row in item.items()
                 if not _blank(row.input.value())} for item in self.rows]

    def set_value(self, value: Any) -> None:
        for frame in self._frames:
            frame.hide()
            frame.deleteLater()
        self.rows, self._frames, self._removers = [], [], []
        for item in value or []:
            self._add_row(item if isinstance(item, Mapping) else {})
        self.add_button.setEnabled(len(self.rows) < self.field.max_items)

    def _add_row(self, values: Mapping[str, Any]) -> None:
        index = len(self.rows)
        frame = QWidget()
        grid = QGridLayout(frame)
        grid.setColumnStretch(1, 1)
        grid.setColumnMinimumWidth(0, 170)
        title = QLabel(self.tr("Row %1").replace("%1", str(index + 1)))
        title.setStyleSheet("font-weight: 600;")
        remove = QPushButton(self.tr("Remove"), objectName=f"{self.field.key}[{index}].remove")  # type: ignore[call-overload]
        remove.setAccessibleName(self.tr("Remove row %1").replace("%1", str(index + 1)))
        remove.setToolTip(self.tr("Remove this row (Ctrl+Shift+Delete)"))
        remove.setAutoDefault(False)
        remove.clicked.connect(lambda: self._on_remove_clicked(index))
        header = QHBoxLayout()
        header.addWidget(title)
        header.addStretch(1)
        header.addWidget(remove)
        grid.addLayout(header, 0, 0, 1, 2)
        rows: dict[str, FieldRow] = {}
        for n, member in enumerate(self.field.fields):
            row = FieldRow(member, f"{self.field.key}[{index}].{member.key}", self.urdu, grid,
                           1 + 2 * n)
            row.input.set_value(values.get(member.key))
            row.changed.connect(self.changed.emit)
            row.left.connect(self.left.emit)
            rows[member.key] = row
        self.rows.append(rows)
        self._removers.append(remove)
        self._frames.append(frame)
        self._items.addWidget(frame)
        frame.show()  # at once, not on the next event-loop turn, so the next key lands in it

    def _on_add_button_clicked(self) -> None:
        self.add_row()

    def add_row(self) -> bool:
        """A new empty row, its first input focused (Ctrl+Shift+A); False when full."""
        if len(self.rows) >= self.field.max_items:
            return False
        self._add_row({})
        self.add_button.setEnabled(len(self.rows) < self.field.max_items)
        self._focus_row(len(self.rows) - 1)
        self.changed.emit()
        return True

    def _on_remove_clicked(self, index: int) -> None:
        values = self.value()
        if not 0 <= index < len(values):
            return
        del values[index]
        self.set_value(values)
        self.changed.emit()
        self.left.emit(self.field.key)
        # The focus stays in the group: the row that took its place, the one before, or Add.
        if self.rows:
            self._focus_row(min(index, len(self.rows) - 1))
        else:
            self.add_button.setFocus()

    def row_holding(self, widget: QWidget | None) -> int | None:
        """Which row ``widget`` (an input or a Remove button) belongs to."""
        for index, frame in enumerate(self._frames):
            if widget is not None and (frame is widget or frame.isAncestorOf(widget)):
                return index
        return None

    def remove_row_holding(self, widget: QWidget | None) -> bool:
        """Remove the row holding the focus (Ctrl+Shift+Delete)."""
        index = self.row_holding(widget)
        if index is None:
            return False
        self._on_remove_clicked(index)
        return True

    def _focus_row(self, index: int) -> None:
        visible = [row for row in self.rows[index].values() if not row.input.widget.isHidden()]
        if visible:
            visible[0].input.focus_widget().setFocus(Qt.FocusReason.OtherFocusReason)

    def tab_widgets(self) -> list[QWidget]:
        """Row by row its inputs and Remove button, then Add: the order Tab walks."""
        order: list[QWidget] = []
        for rows, remove in zip(self.rows, self._removers, strict=True):
            for row in rows.values():
                if not row.input.widget.isHidden():
                    order += row.input.tab_stops()
            order.append(remove)
        if self.add_button.isEnabled():
            order.append(self.add_button)
        return order

    def field_rows(self) -> Iterator[FieldRow]:
        for item in self.rows:
            yield from item.values()

    def set_shown(self, shown: bool) -> None:
        self.setVisible(shown)
        self.title.setVisible(shown)

    def show_issues(self, issues: tuple[Issue, ...]) -> None:
        """Problems of the table as a whole (too few rows), under it."""
        self.message.setVisible(bool(issues))
        self.message.setText("; ".join(f"{issue_label(i, self.urdu)}: {issue_text(i, self.urdu)}"
                                       for i in issues))

    def apply(self, scope: Mapping[str, Any]) -> None:
        """Show each row's members that apply to that row."""
        for item in self.rows:
            typed = {k: r.input.value() for k, r in item.items()}
            for row in item.values():
                row.set_visible(holds(row.field.when, scope, typed))


class StepForm(QWidget):
    """All fields of one declared step; hidden ones keep what was typed in them."""

    changed = Signal()
    left = Signal(str)

    def __init__(self, step: Step, urdu: bool,
                 service_fields: Mapping[str, Field] | None = None) -> None:
        super().__init__(objectName=f"step:{step.key}")  # type: ignore[call-arg]
        self.step = step
        self.urdu = urdu
        self.rows: dict[str, FieldRow] = {}
        self.groups: dict[str, GroupEditor] = {}
        #: "Same as the present address" buttons, by the first field each fills
        self.copy_buttons: dict[str, QPushButton] = {}
        self._station_districts: dict[str, str | None] = {}  # the district each list follows
        self._answers: Mapping[str, Any] = {}  # the whole application's, as last checked
        grid = QGridLayout(self)
        # Inside a scroll area: grow, never squeeze rows on top of each other.
        grid.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)
        grid.setColumnStretch(1, 1)
        grid.setColumnMinimumWidth(0, 190)
        grid.setVerticalSpacing(4)
        for n, field in enumerate(step.fields):
            if field.type is FieldType.GROUP:
                self._add_group(field, urdu, grid, 2 * n)
                continue
            row = FieldRow(field, field.key, urdu, grid, 2 * n)
            row.changed.connect(self.changed.emit)
            row.left.connect(self.left.emit)
            self.rows[field.key] = row
        for first, run in _copy_runs(step).items():
            source = (service_fields or {}).get(run[0].same_as)
            button = QPushButton(self.tr("Same &as: %1").replace(
                "%1", label_of(source, urdu) if source is not None else run[0].same_as),
                objectName=f"same_as:{first}")  # type: ignore[call-overload]
            button.setAutoDefault(False)
            button.setToolTip(self.tr("Fills the lines below from that address (Alt+A)"))
            button.clicked.connect(self._on_copy_button_clicked)
            # under the label, in the line kept for the field's message
            grid.addWidget(button, 2 * step.fields.index(run[0]) + 1, 0,
                           Qt.AlignmentFlag.AlignTop)
            self.copy_buttons[first] = button
        grid.setRowStretch(2 * len(step.fields) + 1, 1)

    def _on_copy_button_clicked(self) -> None:
        first = self.sender().objectName().partition(":")[2]
        self.copy_same(_copy_runs(self.step)[first])

    def copy_same(self, fields: tuple[Field, ...]) -> None:
        """Fill ``fields`` from the address each is declared the same as (on this page or
        an earlier one), check them as if typed, and go on to what follows them on the page
        (nothing to type in them again)."""
        for field in fields:
            source = self.rows.get(field.same_as)
            value = source.input.value() if source is not None \
                else self._answers.get(field.same_as)
            self.rows[field.key].input.set_value(value)
        for field in fields:
            self.left.emit(field.key)
        copied = {w for f in fields for w in self.rows[f.key].input.tab_stops()}
        order = self.tab_widgets()
        last = max((n for n, w in enumerate(order) if w in copied), default=None)
        if last is not None and last + 1 < len(order):
            order[last + 1].setFocus(Qt.FocusReason.TabFocusReason)

    def _add_group(self, field: Field, urdu: bool, grid: QGridLayout, at: int) -> None:
        editor = GroupEditor(field, urdu)
        grid.addWidget(editor.title, at, 0, 1, 2)
        grid.addWidget(editor, at + 1, 0, 1, 2)
        grid.addWidget(editor.message, at + 2, 0, 1, 2)
        editor.changed.connect(self.changed.emit)
        editor.left.connect(self.left.emit)
        self.groups[field.key] = editor

    def values(self) -> dict[str, Any]:
        out = {k: row.input.value() for k, row in self.rows.items()}
        out.update({k: editor.value() for k, editor in self.groups.items()})
        return out

    def set_values(self, answers: Mapping[str, Any]) -> None:
        for key, row in self.rows.items():
            if key in answers:
                row.input.set_value(answers[key])
        for key, editor in self.groups.items():
            if key in answers:
                editor.set_value(answers[key])

    def all_rows(self) -> Iterator[FieldRow]:
        yield from self.rows.values()
        for editor in self.groups.values():
            yield from editor.field_rows()

    def tab_widgets(self) -> list[QWidget]:
        """The visible inputs in the order of the page, each group's rows and buttons in its
        place: Tab and Shift+Tab walk exactly this list."""
        order: list[QWidget] = []
        for field in self.step.fields:
            button = self.copy_buttons.get(field.key)
            if button is not None and button.isVisibleTo(self):
                order.append(button)
            if field.key in self.groups:
                editor = self.groups[field.key]
                if editor.isVisibleTo(self):
                    order += editor.tab_widgets()
            elif field.key in self.rows:
                row = self.rows[field.key]
                if row.input.widget.isVisibleTo(self):
                    order += row.input.tab_stops()
        return [w for w in order if w.isEnabled()]

    def group_holding(self, widget: QWidget | None) -> GroupEditor | None:
        for editor in self.groups.values():
            if widget is not None and editor.isAncestorOf(widget):
                return editor
        return None

    def first_group(self) -> GroupEditor | None:
        return next((e for e in self.groups.values() if e.isVisibleTo(self)), None)

    def apply(self, result: ValidationResult, touched: set[str]) -> None:
        """Visibility from what applies; messages for the fields the officer has finished."""
        self._answers = result.answers
        for key, row in self.rows.items():
            row.set_visible(key in result.applicable)
        for first, button in self.copy_buttons.items():
            button.setVisible(first in result.applicable)
        for key, editor in self.groups.items():
            editor.set_shown(key in result.applicable)
            editor.apply(result.answers)
        self._follow_districts(result.answers)
        for row in self.all_rows():
            if row.path in touched and row.input.widget.isVisibleTo(self):
                row.show_issues(result.issues_for([row.path]))
            else:
                row.show_issues(())
        for key, editor in self.groups.items():
            own = tuple(i for i in result.issues if i.field == key) if key in touched else ()
            editor.show_issues(own)

    def _follow_districts(self, answers: Mapping[str, Any]) -> None:
        """Each police-station list follows its district. A station picked from the list of
        the district chosen before goes when the district changes to one without it (Mozang
        is no station of Kasur); a name the lists do not have stays (they are partial)."""
        for key, row in self.rows.items():
            if row.field.type is FieldType.POLICE_STATION:
                district = answers.get(row.field.district_field)
                if key in self._station_districts and self._station_districts[key] == district:
                    continue
                before = self._station_districts.get(key)
                stations = reference.police_stations(district) if district else ()
                station = row.input.value()
                row.input.set_choices(stations)  # type: ignore[attr-defined]
                self._station_districts[key] = district
                if before and station and station not in stations \
                        and station in reference.police_stations(before):
                    row.input.set_value("")

    def first_row_with(self, paths: set[str]) -> FieldRow | None:
        for row in self.all_rows():
            if row.path in paths and row.input.widget.isVisibleTo(self):
                return row
        return None


def _copy_runs(step: Step) -> dict[str, tuple[Field, ...]]:
    """The fields declared the same as another address's, in runs of neighbours (one
    address), by the first field of each run."""
    runs: dict[str, tuple[Field, ...]] = {}
    first = ""
    for field in step.fields:
        if not field.same_as or field.type is FieldType.GROUP:
            first = ""
            continue
        first = first or field.key
        runs[first] = (*runs.get(first, ()), field)
    return runs


def _blank(value: Any) -> bool:
    return value is None or value == "" or value == [] or value is False
