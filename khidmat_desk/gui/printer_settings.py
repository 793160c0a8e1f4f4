"""Counter → Printers: which printer takes receipts and which takes certificates, the receipt
paper, and what happens after an application is saved. Chosen once per counter, remembered in
its settings."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QWidget

from khidmat_desk.gui.labels import form_buttons
from khidmat_desk.gui.printer import PDF_FOLDER

KEYS = ("receipt_printer", "document_printer", "receipt_format", "after_submit")


class PrinterSettingsDialog(QDialog):
    def __init__(self, printers: Sequence[str], current: dict[str, Any],
                 on_save: Callable[[dict[str, Any]], None], parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="printer_settings")  # type: ignore[call-arg]
        self.setWindowTitle(self.tr("Printers of this counter"))
        destinations = [("", self.tr("The system's default printer"))]
        destinations += [(name, name) for name in printers]
        destinations.append((PDF_FOLDER, self.tr("Save as PDF files (printouts folder)")))
        self.boxes = {
            "receipt_printer": self._box("receipt_printer", destinations, current),
            "document_printer": self._box("document_printer", destinations, current),
            "receipt_format": self._box("receipt_format", [
                ("thermal", self.tr("80 mm thermal roll")), ("a4", self.tr("A4 sheet (top half)"))],
                current),
            "after_submit": self._box("after_submit", [
                ("print", self.tr("Print the receipt")), ("preview", self.tr("Show it first")),
                ("nothing", self.tr("Nothing"))], current),
        }
        form = QFormLayout(self)
        for label, key in ((self.tr("&Receipts"), "receipt_printer"),
                           (self.tr("&Certificates and letters"), "document_printer"),
                           (self.tr("Receipt &paper"), "receipt_format"),
                           (self.tr("&After saving an application"), "after_submit")):
            form.addRow(label, self.boxes[key])
        buttons, _ = form_buttons(self, QDialogButtonBox.StandardButton.Save, self.accept)
        form.addRow(buttons)
        self.accepted.connect(lambda: on_save(self.values()))

    def _box(self, key: str, choices: Sequence[tuple[str, str]],
             current: dict[str, Any]) -> QComboBox:
        box = QComboBox(objectName=key)  # type: ignore[call-arg]
        for value, label in choices:
            box.addItem(label, value)
        found = box.findData(current.get(key, ""))
        if found < 0:  # a printer that is no longer installed: keep it visible, marked
            box.addItem(self.tr("%1 (not found)").replace("%1", str(current.get(key))),
                        current.get(key))
            found = box.count() - 1
        box.setCurrentIndex(found)
        return box

    def values(self) -> dict[str, Any]:
        return {key: box.currentData() for key, box in self.boxes.items()}
