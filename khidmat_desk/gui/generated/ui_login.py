# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'login.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QApplication, QDialog, QFormLayout, QHBoxLayout,
    QLabel, QLineEdit, QPushButton, QSizePolicy,
    QSpacerItem, QVBoxLayout, QWidget)

class Ui_LoginDialog(object):
    def setupUi(self, LoginDialog):
        if not LoginDialog.objectName():
            LoginDialog.setObjectName(u"LoginDialog")
        LoginDialog.resize(420, 300)
        LoginDialog.setMinimumSize(QSize(400, 0))
        self.layout = QVBoxLayout(LoginDialog)
        self.layout.setSpacing(10)
        self.layout.setObjectName(u"layout")
        self.layout.setContentsMargins(24, 20, 24, 18)
        self.heading = QLabel(LoginDialog)
        self.heading.setObjectName(u"heading")
        self.heading.setStyleSheet(u"font-size: 20pt; font-weight: 600; color: #0b3d2e;")
        self.heading.setAlignment(Qt.AlignmentFlag.AlignHCenter)

        self.layout.addWidget(self.heading)

        self.where = QLabel(LoginDialog)
        self.where.setObjectName(u"where")
        self.where.setStyleSheet(u"color: #555;")
        self.where.setAlignment(Qt.AlignmentFlag.AlignHCenter)

        self.layout.addWidget(self.where)

        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)
        self.username_label = QLabel(LoginDialog)
        self.username_label.setObjectName(u"username_label")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.username_label)

        self.username = QLineEdit(LoginDialog)
        self.username.setObjectName(u"username")
        self.username.setMaxLength(64)

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.username)

        self.password_label = QLabel(LoginDialog)
        self.password_label.setObjectName(u"password_label")

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.password_label)

        self.password = QLineEdit(LoginDialog)
        self.password.setObjectName(u"password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setMaxLength(256)

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.password)


        self.layout.addLayout(self.form)

        self.capslock = QLabel(LoginDialog)
        self.capslock.setObjectName(u"capslock")
        self.capslock.setStyleSheet(u"color: #8a5a00; font-weight: 600;")

        self.layout.addWidget(self.capslock)

        self.message = QLabel(LoginDialog)
        self.message.setObjectName(u"message")
        self.message.setStyleSheet(u"color: #b00020;")
        self.message.setWordWrap(True)

        self.layout.addWidget(self.message)

        self.buttons = QHBoxLayout()
        self.buttons.setObjectName(u"buttons")
        self.switch_user = QPushButton(LoginDialog)
        self.switch_user.setObjectName(u"switch_user")
        self.switch_user.setAutoDefault(False)

        self.buttons.addWidget(self.switch_user)

        self.gap = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttons.addItem(self.gap)

        self.sign_in = QPushButton(LoginDialog)
        self.sign_in.setObjectName(u"sign_in")
        self.sign_in.setAutoDefault(False)

        self.buttons.addWidget(self.sign_in)

        self.quit = QPushButton(LoginDialog)
        self.quit.setObjectName(u"quit")
        self.quit.setAutoDefault(False)

        self.buttons.addWidget(self.quit)


        self.layout.addLayout(self.buttons)

#if QT_CONFIG(shortcut)
        self.username_label.setBuddy(self.username)
        self.password_label.setBuddy(self.password)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.username, self.password)
        QWidget.setTabOrder(self.password, self.sign_in)
        QWidget.setTabOrder(self.sign_in, self.switch_user)
        QWidget.setTabOrder(self.switch_user, self.quit)

        self.retranslateUi(LoginDialog)

        QMetaObject.connectSlotsByName(LoginDialog)
    # setupUi

    def retranslateUi(self, LoginDialog):
        LoginDialog.setWindowTitle(QCoreApplication.translate("LoginDialog", u"Khidmat Desk \u2014 sign in", None))
        self.heading.setText(QCoreApplication.translate("LoginDialog", u"Khidmat Desk", None))
        self.username_label.setText(QCoreApplication.translate("LoginDialog", u"&User name", None))
#if QT_CONFIG(accessibility)
        self.username.setAccessibleName(QCoreApplication.translate("LoginDialog", u"User name", None))
#endif // QT_CONFIG(accessibility)
        self.password_label.setText(QCoreApplication.translate("LoginDialog", u"&Password", None))
#if QT_CONFIG(accessibility)
        self.password.setAccessibleName(QCoreApplication.translate("LoginDialog", u"Password", None))
#endif // QT_CONFIG(accessibility)
        self.capslock.setText(QCoreApplication.translate("LoginDialog", u"Caps Lock is on", None))
        self.switch_user.setText(QCoreApplication.translate("LoginDialog", u"S&witch user", None))
#if QT_CONFIG(tooltip)
        self.switch_user.setToolTip(QCoreApplication.translate("LoginDialog", u"Sign in as another officer (Alt+W)", None))
#endif // QT_CONFIG(tooltip)
        self.sign_in.setText(QCoreApplication.translate("LoginDialog", u"&Sign in", None))
#if QT_CONFIG(tooltip)
        self.sign_in.setToolTip(QCoreApplication.translate("LoginDialog", u"Sign in (Enter)", None))
#endif // QT_CONFIG(tooltip)
        self.quit.setText(QCoreApplication.translate("LoginDialog", u"&Quit", None))
    # retranslateUi

