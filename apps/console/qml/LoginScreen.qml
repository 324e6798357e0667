// Advisor login: user and password, checked by the hub.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Ventanilla

Item {
    required property ConsoleController controller

    Rectangle {
        anchors.centerIn: parent
        width: 440
        height: 360
        radius: 12
        color: Theme.panel
        border.color: "#d5dbe3"
        ColumnLayout {
            anchors.fill: parent
            anchors.margins: 32
            spacing: 14
            Label {
                text: qsTr("Consola del asesor")
                font.pixelSize: Theme.title
                font.bold: true
                color: Theme.text
            }
            TextField {
                id: user
                Layout.fillWidth: true
                placeholderText: qsTr("Usuario")
                text: controller.defaultUser
            }
            TextField {
                id: password
                Layout.fillWidth: true
                placeholderText: qsTr("Contraseña")
                echoMode: TextInput.Password
                onAccepted: controller.logIn(user.text, password.text)
            }
            Button {
                Layout.fillWidth: true
                text: qsTr("Entrar")
                enabled: user.text.length > 0 && password.text.length > 0
                onClicked: controller.logIn(user.text, password.text)
            }
            Label {
                Layout.fillWidth: true
                text: controller.lastError.length > 0 ? controller.lastError
                      : (controller.linkState === "offline" ? "" : qsTr("Conexión: ") + controller.linkState)
                color: controller.lastError.length > 0 ? Theme.danger : Theme.muted
                wrapMode: Text.WordWrap
                font.pixelSize: Theme.small
            }
        }
    }
}
