"""What every list of the counter does alike."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel
from PySide6.QtWidgets import QTableView


def select_first_row(table: QTableView) -> None:
    """Make the first row current and selected, so Enter opens it.

    Not ``selectRow(0)``: right to left it picks the column under the viewport's right edge,
    which is none while the table is hidden or being filled, and then selects nothing — the
    Urdu counter's lists came up with no row to open.
    """
    model = table.model()
    if model is None or model.rowCount() == 0:
        return
    table.selectionModel().setCurrentIndex(
        model.index(0, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect
        | QItemSelectionModel.SelectionFlag.Rows)
