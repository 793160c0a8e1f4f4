"""A small bar chart painted with QPainter: all the dashboard needs, at no install cost.

QtCharts comes with PySide6-Addons (hundreds of MB installed, see bench/README.md for the
measurement); two bar charts do not justify it.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

BAR = QColor(46, 97, 153)
AXIS = QColor(120, 120, 120)


class BarChart(QWidget):
    """Bars with their labels: vertical (hours) or horizontal (categories, with long labels)."""

    def __init__(self, title: str, *, horizontal: bool = False,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = title
        self.horizontal = horizontal
        self.items: list[tuple[str, int]] = []
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumHeight(150)

    def set_items(self, items: Sequence[tuple[str, int]]) -> None:
        self.items = list(items)
        self.setToolTip("\n".join(f"{label}: {value}" for label, value in self.items if value))
        self.update()

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt API
        return QSize(360, 190)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt API
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = painter.fontMetrics()
        line = metrics.height()
        start = Qt.AlignmentFlag.AlignRight if self.isRightToLeft() else Qt.AlignmentFlag.AlignLeft
        painter.drawText(QRectF(0, 0, self.width(), line),
                         Qt.AlignmentFlag.AlignAbsolute | start, self.title)
        area = QRectF(0, line + 4, self.width(), self.height() - line - 4)
        top = max((value for _, value in self.items), default=0) or 1
        if self.horizontal:
            self._horizontal(painter, area, top, line)
        else:
            self._vertical(painter, area, top, line)
        painter.end()

    def _vertical(self, painter: QPainter, area: QRectF, top: int, line: int) -> None:
        count = max(len(self.items), 1)
        step = area.width() / count
        base = area.bottom() - line - 2
        painter.setPen(AXIS)
        painter.drawLine(int(area.left()), int(base), int(area.right()), int(base))
        for index, (label, value) in enumerate(self.items):
            height = (base - area.top() - line) * value / top
            bar = QRectF(area.left() + index * step + 1, base - height, step - 2, height)
            painter.fillRect(bar, BAR)
            if value:
                painter.drawText(QRectF(bar.left() - 4, bar.top() - line, step + 8, line),
                                 Qt.AlignmentFlag.AlignCenter, str(value))
            painter.drawText(QRectF(bar.left() - 4, base + 2, step + 8, line),
                             Qt.AlignmentFlag.AlignCenter, label)

    def _horizontal(self, painter: QPainter, area: QRectF, top: int, line: int) -> None:
        """Label, bar, count; in Urdu mirrored: the label on the right, the bar growing left."""
        # As wide as the longest label needs, up to 55% of the chart: "Police character
        # certificates (PCC)" lost its "(PCC)" to a fixed 220 px.
        widest = max((painter.fontMetrics().horizontalAdvance(label)
                      for label, _ in self.items), default=0)
        label_width = min(area.width() * 0.55, float(widest + 12))
        row = min(area.height() / max(len(self.items), 1), line * 1.8)
        span = area.width() - label_width - 40
        rtl = self.isRightToLeft()
        near, far = Qt.AlignmentFlag.AlignRight, Qt.AlignmentFlag.AlignLeft  # to the bar's side
        if rtl:
            near, far = far, near
        middle = Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignAbsolute

        def placed(rect: QRectF) -> QRectF:
            if not rtl:
                return rect
            return QRectF(area.left() + area.right() - rect.right(), rect.top(), rect.width(),
                          rect.height())

        painter.setPen(AXIS)
        for index, (label, value) in enumerate(self.items):
            y = area.top() + index * row
            text = painter.fontMetrics().elidedText(label, Qt.TextElideMode.ElideRight,
                                                    int(label_width) - 6)
            painter.drawText(placed(QRectF(area.left(), y, label_width - 6, row)), middle | near,
                             text)
            bar = QRectF(area.left() + label_width, y + 2, span * value / top, row - 4)
            painter.fillRect(placed(bar), BAR)
            painter.drawText(placed(QRectF(bar.right() + 4, y, 36, row)), middle | far,
                             str(value))
