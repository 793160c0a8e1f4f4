# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'main_window.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QAction, QBrush, QColor, QConicalGradient,
    QCursor, QFont, QFontDatabase, QGradient,
    QIcon, QImage, QKeySequence, QLinearGradient,
    QPainter, QPalette, QPixmap, QRadialGradient,
    QTransform)
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QFrame, QHBoxLayout,
    QHeaderView, QLabel, QLineEdit, QMainWindow,
    QMenu, QMenuBar, QScrollArea, QSizePolicy,
    QStackedWidget, QStatusBar, QTableView, QVBoxLayout,
    QWidget)

class Ui_MainWindow(object):
    def setupUi(self, MainWindow):
        if not MainWindow.objectName():
            MainWindow.setObjectName(u"MainWindow")
        MainWindow.resize(1280, 800)
        self.action_new = QAction(MainWindow)
        self.action_new.setObjectName(u"action_new")
        self.action_search = QAction(MainWindow)
        self.action_search.setObjectName(u"action_search")
        self.action_queue = QAction(MainWindow)
        self.action_queue.setObjectName(u"action_queue")
        self.action_drafts = QAction(MainWindow)
        self.action_drafts.setObjectName(u"action_drafts")
        self.action_printers = QAction(MainWindow)
        self.action_printers.setObjectName(u"action_printers")
        self.action_lock = QAction(MainWindow)
        self.action_lock.setObjectName(u"action_lock")
        self.action_switch_user = QAction(MainWindow)
        self.action_switch_user.setObjectName(u"action_switch_user")
        self.action_quit = QAction(MainWindow)
        self.action_quit.setObjectName(u"action_quit")
        self.action_english = QAction(MainWindow)
        self.action_english.setObjectName(u"action_english")
        self.action_english.setCheckable(True)
        self.action_urdu = QAction(MainWindow)
        self.action_urdu.setObjectName(u"action_urdu")
        self.action_urdu.setCheckable(True)
        self.action_urdu.setText(u"\u0627\u0631\u062f\u0648")
        self.action_shortcuts = QAction(MainWindow)
        self.action_shortcuts.setObjectName(u"action_shortcuts")
        self.central = QWidget(MainWindow)
        self.central.setObjectName(u"central")
        self.central_layout = QHBoxLayout(self.central)
        self.central_layout.setSpacing(10)
        self.central_layout.setObjectName(u"central_layout")
        self.launcher_panel = QFrame(self.central)
        self.launcher_panel.setObjectName(u"launcher_panel")
        self.launcher_panel.setMinimumSize(QSize(280, 0))
        self.launcher_panel.setMaximumSize(QSize(340, 16777215))
        self.launcher_panel.setFrameShape(QFrame.Shape.NoFrame)
        self.launcher_layout = QVBoxLayout(self.launcher_panel)
        self.launcher_layout.setObjectName(u"launcher_layout")
        self.launcher_layout.setContentsMargins(0, 0, 0, 0)
        self.launcher_heading = QLabel(self.launcher_panel)
        self.launcher_heading.setObjectName(u"launcher_heading")
        self.launcher_heading.setStyleSheet(u"font-size: 12pt; font-weight: 600;")

        self.launcher_layout.addWidget(self.launcher_heading)

        self.launcher_filter = QLineEdit(self.launcher_panel)
        self.launcher_filter.setObjectName(u"launcher_filter")
        self.launcher_filter.setClearButtonEnabled(True)

        self.launcher_layout.addWidget(self.launcher_filter)

        self.launcher = QScrollArea(self.launcher_panel)
        self.launcher.setObjectName(u"launcher")
        self.launcher.setFrameShape(QFrame.Shape.NoFrame)
        self.launcher.setWidgetResizable(True)
        self.launcher_entries = QWidget()
        self.launcher_entries.setObjectName(u"launcher_entries")
        self.launcher_entries_layout = QVBoxLayout(self.launcher_entries)
        self.launcher_entries_layout.setSpacing(2)
        self.launcher_entries_layout.setObjectName(u"launcher_entries_layout")
        self.launcher_entries_layout.setContentsMargins(0, 0, 4, 0)
        self.launcher.setWidget(self.launcher_entries)

        self.launcher_layout.addWidget(self.launcher)


        self.central_layout.addWidget(self.launcher_panel)

        self.work_layout = QVBoxLayout()
        self.work_layout.setObjectName(u"work_layout")
        self.search = QLineEdit(self.central)
        self.search.setObjectName(u"search")
        self.search.setMinimumSize(QSize(0, 34))
        self.search.setClearButtonEnabled(True)

        self.work_layout.addWidget(self.search)

        self.stack = QStackedWidget(self.central)
        self.stack.setObjectName(u"stack")
        self.home = QWidget()
        self.home.setObjectName(u"home")
        self.home_layout = QVBoxLayout(self.home)
        self.home_layout.setObjectName(u"home_layout")
        self.home_layout.setContentsMargins(0, -1, 0, -1)
        self.heading = QLabel(self.home)
        self.heading.setObjectName(u"heading")
        self.heading.setStyleSheet(u"font-size: 13pt; font-weight: 600;")

        self.home_layout.addWidget(self.heading)

        self.applications = QTableView(self.home)
        self.applications.setObjectName(u"applications")
        self.applications.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.applications.setAlternatingRowColors(True)
        self.applications.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.applications.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.applications.setSortingEnabled(True)
        self.applications.horizontalHeader().setStretchLastSection(True)
        self.applications.verticalHeader().setVisible(False)

        self.home_layout.addWidget(self.applications)

        self.stack.addWidget(self.home)

        self.work_layout.addWidget(self.stack)


        self.central_layout.addLayout(self.work_layout)

        MainWindow.setCentralWidget(self.central)
        self.menubar = QMenuBar(MainWindow)
        self.menubar.setObjectName(u"menubar")
        self.menu_counter = QMenu(self.menubar)
        self.menu_counter.setObjectName(u"menu_counter")
        self.menu_services = QMenu(self.menubar)
        self.menu_services.setObjectName(u"menu_services")
        self.menu_view = QMenu(self.menubar)
        self.menu_view.setObjectName(u"menu_view")
        self.menu_help = QMenu(self.menubar)
        self.menu_help.setObjectName(u"menu_help")
        MainWindow.setMenuBar(self.menubar)
        self.statusbar = QStatusBar(MainWindow)
        self.statusbar.setObjectName(u"statusbar")
        MainWindow.setStatusBar(self.statusbar)
        QWidget.setTabOrder(self.search, self.applications)
        QWidget.setTabOrder(self.applications, self.launcher_filter)
        QWidget.setTabOrder(self.launcher_filter, self.launcher)

        self.menubar.addAction(self.menu_counter.menuAction())
        self.menubar.addAction(self.menu_services.menuAction())
        self.menubar.addAction(self.menu_view.menuAction())
        self.menubar.addAction(self.menu_help.menuAction())
        self.menu_counter.addAction(self.action_new)
        self.menu_counter.addAction(self.action_search)
        self.menu_counter.addAction(self.action_queue)
        self.menu_counter.addAction(self.action_drafts)
        self.menu_counter.addAction(self.action_printers)
        self.menu_counter.addSeparator()
        self.menu_counter.addAction(self.action_lock)
        self.menu_counter.addAction(self.action_switch_user)
        self.menu_counter.addSeparator()
        self.menu_counter.addAction(self.action_quit)
        self.menu_view.addAction(self.action_english)
        self.menu_view.addAction(self.action_urdu)
        self.menu_help.addAction(self.action_shortcuts)

        self.retranslateUi(MainWindow)

        QMetaObject.connectSlotsByName(MainWindow)
    # setupUi

    def retranslateUi(self, MainWindow):
        MainWindow.setWindowTitle(QCoreApplication.translate("MainWindow", u"Khidmat Desk", None))
        self.action_new.setText(QCoreApplication.translate("MainWindow", u"&New application\u2026", None))
#if QT_CONFIG(shortcut)
        self.action_new.setShortcut(QCoreApplication.translate("MainWindow", u"Ctrl+N", None))
#endif // QT_CONFIG(shortcut)
        self.action_search.setText(QCoreApplication.translate("MainWindow", u"&Search", None))
#if QT_CONFIG(shortcut)
        self.action_search.setShortcut(QCoreApplication.translate("MainWindow", u"Ctrl+F", None))
#endif // QT_CONFIG(shortcut)
        self.action_queue.setText(QCoreApplication.translate("MainWindow", u"&Today's queue", None))
#if QT_CONFIG(shortcut)
        self.action_queue.setShortcut(QCoreApplication.translate("MainWindow", u"F5", None))
#endif // QT_CONFIG(shortcut)
        self.action_drafts.setText(QCoreApplication.translate("MainWindow", u"Unfinished &drafts\u2026", None))
#if QT_CONFIG(shortcut)
        self.action_drafts.setShortcut(QCoreApplication.translate("MainWindow", u"Ctrl+D", None))
#endif // QT_CONFIG(shortcut)
        self.action_printers.setText(QCoreApplication.translate("MainWindow", u"&Printers\u2026", None))
        self.action_lock.setText(QCoreApplication.translate("MainWindow", u"&Lock the counter", None))
#if QT_CONFIG(shortcut)
        self.action_lock.setShortcut(QCoreApplication.translate("MainWindow", u"Ctrl+L", None))
#endif // QT_CONFIG(shortcut)
        self.action_switch_user.setText(QCoreApplication.translate("MainWindow", u"S&witch user", None))
        self.action_quit.setText(QCoreApplication.translate("MainWindow", u"&Quit", None))
#if QT_CONFIG(shortcut)
        self.action_quit.setShortcut(QCoreApplication.translate("MainWindow", u"Ctrl+Q", None))
#endif // QT_CONFIG(shortcut)
        self.action_english.setText(QCoreApplication.translate("MainWindow", u"English", None))
        self.action_shortcuts.setText(QCoreApplication.translate("MainWindow", u"&Keyboard shortcuts", None))
#if QT_CONFIG(shortcut)
        self.action_shortcuts.setShortcut(QCoreApplication.translate("MainWindow", u"F1", None))
#endif // QT_CONFIG(shortcut)
        self.launcher_heading.setText(QCoreApplication.translate("MainWindow", u"New application", None))
#if QT_CONFIG(accessibility)
        self.launcher_filter.setAccessibleName(QCoreApplication.translate("MainWindow", u"Find a service", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.launcher_filter.setToolTip(QCoreApplication.translate("MainWindow", u"Type to find a service, Enter to start it (Ctrl+N)", None))
#endif // QT_CONFIG(tooltip)
        self.launcher_filter.setPlaceholderText(QCoreApplication.translate("MainWindow", u"Type to find a service\u2026", None))
#if QT_CONFIG(accessibility)
        self.launcher.setAccessibleName(QCoreApplication.translate("MainWindow", u"Services", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.search.setAccessibleName(QCoreApplication.translate("MainWindow", u"Search", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.search.setToolTip(QCoreApplication.translate("MainWindow", u"Search (Ctrl+F). A scanned receipt opens its application.", None))
#endif // QT_CONFIG(tooltip)
        self.search.setPlaceholderText(QCoreApplication.translate("MainWindow", u"Tracking number, CNIC, mobile, plate or name \u2014 or scan a receipt", None))
#if QT_CONFIG(accessibility)
        self.applications.setAccessibleName(QCoreApplication.translate("MainWindow", u"Applications", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.applications.setToolTip(QCoreApplication.translate("MainWindow", u"Enter opens the selected application", None))
#endif // QT_CONFIG(tooltip)
        self.menu_counter.setTitle(QCoreApplication.translate("MainWindow", u"&Counter", None))
        self.menu_services.setTitle(QCoreApplication.translate("MainWindow", u"&Services", None))
        self.menu_view.setTitle(QCoreApplication.translate("MainWindow", u"&View", None))
        self.menu_help.setTitle(QCoreApplication.translate("MainWindow", u"&Help", None))
    # retranslateUi

