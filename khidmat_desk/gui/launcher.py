"""The service launcher: all services grouped, filtered by typing, one shortcut each.

Each entry is a button named ``new-<service code>`` showing today's count at this counter; the
same services are actions in the Services menu, with their shortcuts, so the shortcuts work from
anywhere in the window and are listed where officers look for them.
"""

from __future__ import annotations

from collections.abc import Mapping
from itertools import groupby

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QMenu, QPushButton, QVBoxLayout

from khidmat_desk.core.catalogue import all_services
from khidmat_desk.core.fields import Service
from khidmat_desk.core.records import normalize_name

GROUP_TITLES = {
    "verification": ("Verification", "تصدیق"),
    "registration": ("Registration", "رجسٹریشن"),
    "reports": ("Reports", "رپورٹس"),
    "licensing": ("Licences", "لائسنس"),
    "welfare": ("Help and protection", "مدد اور تحفظ"),
}


class LauncherEntry(QPushButton):
    def __init__(self, service: Service, urdu: bool) -> None:
        super().__init__(objectName=f"new-{service.code}")  # type: ignore[call-overload]
        self.service = service
        shortcut = QKeySequence(service.shortcut).toString(QKeySequence.SequenceFormat.NativeText)
        title = service.title_ur if urdu else service.short_title
        self.setAccessibleName(service.title)
        self.setToolTip(f"{service.title} — {service.title_ur}\n{service.description}"
                        + (f"\n({shortcut})" if shortcut else ""))
        self.setMinimumHeight(34 if not urdu else 44)
        self.setStyleSheet("QPushButton { text-align: left; padding: 2px 8px; }")
        row = QHBoxLayout(self)
        row.setContentsMargins(8, 0, 8, 0)
        self.title = QLabel(title)
        self.count = QLabel("0", objectName=f"count-{service.code}")  # type: ignore[call-overload]
        self.count.setStyleSheet("color: #0b3d2e; font-weight: 600;")
        self.count.setToolTip(self.tr("Applications today at this counter"))
        keys = QLabel(shortcut, styleSheet="color: #777; font-size: 8.5pt;")  # type: ignore[call-overload]
        for label in (self.title, self.count, keys):
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        row.addWidget(self.title, 1)
        row.addWidget(self.count)
        row.addWidget(keys)
        self.words = normalize_name(" ".join((service.title, service.short_title, service.title_ur,
                                              service.code.replace("-", " "), service.group)))

    def matches(self, typed: str) -> bool:
        return all(word in self.words for word in normalize_name(typed).split())


class Launcher(QObject):
    """Builds the entries into the window's launcher panel and keeps them filtered."""

    chosen = Signal(str)  # service code

    def __init__(self, filter_edit: QLineEdit, layout: QVBoxLayout, menu: QMenu,
                 urdu: bool) -> None:
        super().__init__()
        self.filter = filter_edit
        self.entries: dict[str, LauncherEntry] = {}
        self.headings: list[tuple[QLabel, list[LauncherEntry]]] = []
        services = sorted(all_services(), key=lambda s: (list(GROUP_TITLES).index(s.group),
                                                         s.title))
        for group, members in groupby(services, key=lambda s: s.group):
            english, urdu_title = GROUP_TITLES[group]
            heading = QLabel(urdu_title if urdu else self.tr(english))
            heading.setStyleSheet("color: #555; font-weight: 600; margin-top: 6px;")
            layout.addWidget(heading)
            entries = []
            for service in members:
                entry = LauncherEntry(service, urdu)
                entry.clicked.connect(lambda _=False, code=service.code: self.chosen.emit(code))
                layout.addWidget(entry)
                self.entries[service.code] = entry
                entries.append(entry)
                menu.addAction(self._action(service, menu, urdu))
            self.headings.append((heading, entries))
        layout.addStretch(1)
        filter_edit.textChanged.connect(self._on_filter_text_changed)
        filter_edit.returnPressed.connect(self._on_filter_return_pressed)
        filter_edit.installEventFilter(self)

    def _action(self, service: Service, menu: QMenu, urdu: bool) -> QAction:
        action = QAction(service.title_ur if urdu else service.title, menu)
        action.setObjectName(f"action-new-{service.code}")
        if service.shortcut:
            action.setShortcut(QKeySequence(service.shortcut))
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(lambda _=False, code=service.code: self.chosen.emit(code))
        return action

    def set_counts(self, counts: Mapping[str, int]) -> None:
        for code, entry in self.entries.items():
            entry.count.setText(str(counts.get(code, 0)))

    def visible_entries(self) -> list[LauncherEntry]:
        return [e for e in self.entries.values() if not e.isHidden()]

    def _on_filter_text_changed(self, typed: str) -> None:
        for heading, entries in self.headings:
            shown = [e for e in entries if e.matches(typed)]
            for entry in entries:
                entry.setHidden(entry not in shown)
            heading.setHidden(not shown)

    def _on_filter_return_pressed(self) -> None:
        visible = self.visible_entries()
        if visible:
            self.chosen.emit(visible[0].service.code)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        """Down arrow from the filter goes into the list."""
        if watched is self.filter and event.type() == QEvent.Type.KeyPress:
            key = QKeyEvent.key(event)  # type: ignore[arg-type]
            visible = self.visible_entries()
            if key == Qt.Key.Key_Down and visible:
                visible[0].setFocus()
                return True
        return False
