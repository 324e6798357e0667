// The advisor's desk: a bar with who they are, their availability and the link; below,
// either the waiting state, a ringing call, or the call itself.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Ventanilla

Item {
    id: desk
    required property ConsoleController controller

    Rectangle {
        id: bar
        anchors { left: parent.left; right: parent.right; top: parent.top }
        height: 64
        color: Theme.bar
        RowLayout {
            anchors.fill: parent
            anchors.leftMargin: 20
            anchors.rightMargin: 20
            spacing: 20
            Label {
                text: "Ventanilla"
                color: "white"
                font.pixelSize: Theme.title
                font.bold: true
            }
            Label {
                text: desk.controller.advisorName
                color: "#c9d6e8"
                font.pixelSize: Theme.normal
            }
            Item { Layout.fillWidth: true }
            Rectangle {
                width: 14; height: 14; radius: 7
                color: desk.controller.linkState === "online" ? Theme.ok : Theme.warn
            }
            Label {
                text: desk.controller.linkState === "online" ? qsTr("Conectado") : qsTr("Reconectando…")
                color: "white"
                font.pixelSize: Theme.small
            }
            Switch {
                id: availability
                checked: desk.controller.available
                enabled: desk.controller.callState === CallController.Idle
                onToggled: desk.controller.setAvailable(checked)
            }
            Label {
                text: desk.controller.available ? qsTr("Disponible") : qsTr("Ausente")
                color: "white"
                font.pixelSize: Theme.normal
            }
            Button {
                text: qsTr("Salir")
                enabled: desk.controller.callState === CallController.Idle
                onClicked: desk.controller.logOut()
            }
        }
    }

    Item {
        anchors { left: parent.left; right: parent.right; top: bar.bottom; bottom: parent.bottom }
        Label {
            anchors.centerIn: parent
            visible: desk.controller.callState === CallController.Idle
            text: desk.controller.available ? qsTr("Esperando a la próxima persona…") : qsTr("Está ausente: no recibirá llamadas")
            color: Theme.muted
            font.pixelSize: Theme.title
        }
        IncomingCall {
            anchors.centerIn: parent
            visible: desk.controller.callState === CallController.Ringing
            controller: desk.controller
        }
        CallView {
            anchors.fill: parent
            visible: desk.controller.callState === CallController.Connecting || desk.controller.callState === CallController.InCall
            controller: desk.controller
        }
    }
}
