"""The person's photograph at the counter: the application view's photo box and what its
"Add photograph…" button does.

The officer picks a JPEG or PNG file (a scan, or a camera's picture copied to the PC); the file
is read, checked (size and pixel bounds), reduced and kept by the use case on the background
thread, and a thumbnail made there too. Replacing a kept photograph asks first; the use case
audits the retake with the digest it replaced. The documents' Print buttons follow what the
print use case says: a layout that requires the photograph is not printable until one is kept.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from khidmat_desk.gui.words import file_text

if TYPE_CHECKING:
    from khidmat_desk.app.photos import StoredPhoto
    from khidmat_desk.gui.main_window import MainWindow

THUMB_WIDTH, THUMB_HEIGHT = 90, 116  # about 35 x 45 mm, as printed
# What the file dialog offers (the use case also takes WEBP and BMP if one is typed in).
FILE_PATTERNS = "*.jpg *.jpeg *.png *.JPG *.JPEG *.PNG"


class PhotoBox(QFrame):
    """Thumbnail, one line about the kept photograph, and the Add/Replace button."""

    add_requested = Signal()

    def __init__(self, documents: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("photo_box")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.documents = documents  # the titles of the documents that print it
        self.kept: Any = None  # the StoredPhoto's digest and size once loaded
        self.loaded = False
        self.thumbnail = QLabel(objectName="photo_thumbnail")  # type: ignore[call-overload]
        self.thumbnail.setFixedSize(THUMB_WIDTH, THUMB_HEIGHT)
        self.thumbnail.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.thumbnail.setStyleSheet("border: 1px solid #999; color: #777;")
        self.info = QLabel(objectName="photo_info", wordWrap=True)  # type: ignore[call-overload]
        self.button = QPushButton(self.tr("Add &photograph…"), objectName="add_photo")  # type: ignore[call-overload]
        self.button.setAccessibleName(self.tr("Add or replace the person's photograph"))
        self.button.clicked.connect(self.add_requested.emit)
        text = QVBoxLayout()
        heading = QLabel(self.tr("Photograph"), styleSheet="font-weight: 600;")  # type: ignore[call-overload]
        text.addWidget(heading)
        text.addWidget(self.info)
        buttons = QHBoxLayout()
        buttons.addWidget(self.button)
        buttons.addStretch(1)
        text.addLayout(buttons)
        text.addStretch(1)
        row = QHBoxLayout(self)
        row.addWidget(self.thumbnail)
        row.addLayout(text, 1)
        self.show_loading()

    def show_loading(self) -> None:
        self.thumbnail.setText("…")
        self.info.setText(self.tr("Looking for a kept photograph…"))
        self.button.setEnabled(False)

    def show_photo(self, photo: StoredPhoto | None, thumbnail: QImage | None) -> None:
        self.kept, self.loaded = photo, True
        self.button.setEnabled(True)
        if photo is None:
            self.thumbnail.setPixmap(QPixmap())
            self.thumbnail.setText(self.tr("No\nphotograph"))
            self.info.setText(self.tr("No photograph is kept yet; %1 prints one.").replace(
                "%1", self.documents))
            self.button.setText(self.tr("Add &photograph…"))
            return
        if thumbnail is not None:
            self.thumbnail.setPixmap(QPixmap.fromImage(thumbnail))
        self.info.setText(self.tr("Kept: %1 × %2 pixels, SHA-256 %3… (printed under the "
                                  "picture).").replace("%1", str(photo.width))
                          .replace("%2", str(photo.height)).replace("%3", photo.sha256[:16]))
        self.button.setText(self.tr("Replace &photograph…"))

    def show_busy(self) -> None:
        self.button.setEnabled(False)
        self.info.setText(self.tr("Checking and keeping the photograph…"))


def thumbnail_of(photo: StoredPhoto | None) -> QImage | None:
    """A small image of the kept JPEG; made on the background thread (QImage may be)."""
    if photo is None:
        return None
    image = QImage.fromData(photo.jpeg)
    if image.isNull():
        return None
    return image.scaled(THUMB_WIDTH - 2, THUMB_HEIGHT - 2, Qt.AspectRatioMode.KeepAspectRatio,
                        Qt.TransformationMode.SmoothTransformation)


def ask_photo_file(parent: QWidget) -> str | None:
    """The file dialog; tests replace `PhotoFlow.choose_path` with a function returning a path."""
    title = QCoreApplication.translate("PhotoFlow", "Choose the photograph")
    patterns = QCoreApplication.translate("PhotoFlow", "Photographs (%1)")
    path, _ = QFileDialog.getOpenFileName(parent, title, str(Path.home()),
                                          patterns.replace("%1", FILE_PATTERNS))
    return path or None


class PhotoFlow(QObject):
    """Installed once per window: loads the kept photograph into the view's box and keeps a
    new one when the officer asks."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.choose_path: Callable[[QWidget], str | None] = ask_photo_file
        window.view.photo_requested.connect(self.add)

    def load(self, tracking: str) -> None:
        """Fill the view's photo box (if the service prints a photograph) off the GUI thread."""
        box = self.window.view.photo_box
        if box is None:
            return
        session = self.window.session

        def work() -> tuple[Any, QImage | None]:
            photo = session.photo(tracking)
            return photo, thumbnail_of(photo)

        self.window._tasks.run(work, lambda found: self._loaded(tracking, found),
                               self.window._on_failed)

    def _loaded(self, tracking: str, found: tuple[Any, QImage | None]) -> None:
        box = self.window.view.photo_box
        if box is not None and self._showing(tracking):
            box.show_photo(*found)

    def _showing(self, tracking: str) -> bool:
        detail = self.window.view.detail
        return detail is not None and detail.tracking_number == tracking

    def add(self, tracking: str) -> None:
        window, box = self.window, self.window.view.photo_box
        if box is None or not box.loaded:
            return
        if box.kept is not None and not window._messages.confirm(
                self.tr("Replace the photograph"),
                self.tr("A photograph is already kept with %1. Replace it? The change is "
                        "recorded in the audit trail; copies already printed keep the old "
                        "one.").replace("%1", tracking)):
            self._say(self.tr("The kept photograph was not changed."))
            return
        chosen = self.choose_path(window)
        if not chosen:
            self._say(self.tr("No photograph chosen."))
            return
        path = Path(chosen)
        box.show_busy()
        self._say(self.tr("Checking %1…").replace("%1", file_text(path.name)), 0)
        session = window.session

        def work() -> tuple[Any, QImage | None]:
            photo = session.attach_photo(tracking, path)
            return photo, thumbnail_of(photo)

        def failed(exc: BaseException) -> None:
            window.statusBar().clearMessage()
            self.load(tracking)  # the box shows what is kept again
            window._on_failed(exc)

        window._tasks.run(work, lambda kept: self._kept(tracking, kept), failed)

    def _say(self, text: str, msecs: int = 8000) -> None:
        self.window.statusBar().showMessage(text, msecs)

    def _kept(self, tracking: str, kept: tuple[Any, QImage | None]) -> None:
        photo = kept[0]
        said = self.tr("Photograph kept with %1: %2 × %3 pixels, SHA-256 %4…").replace(
            "%1", tracking).replace("%2", str(photo.width)).replace(
            "%3", str(photo.height)).replace("%4", photo.sha256[:12])
        # Read the application again: the documents' Print buttons may now be ready.
        self.window.open_application(tracking, said=said)
