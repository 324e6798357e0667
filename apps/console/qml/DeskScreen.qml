// The advisor's desk: a bar with who they are, their availability and the link; below,
// either the waiting state, a ringing call, or the call itself.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Ventanilla

Item {
    id: desk
    required property ConsoleController controller
    readonly property string stateText: {
        switch (controller.advisorState) {
        case "available": return qsTr("Disponible")
        case "wrap-up": return qsTr("Cerrando la atención")
        case "break": return qsTr("En pausa") + (controller.stateReason.length > 0 ? " (" + controller.stateReason + ")" : "")
        default: return qsTr("Ausente")
        }
    }

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
                text: desk.stateText
                color: "white"
                font.pixelSize: Theme.normal
            }
            Button {
                text: qsTr("Pausa")
                enabled: desk.controller.callState === CallController.Idle
                onClicked: breakMenu.open()
                Menu {
                    id: breakMenu
                    Repeater {
                        model: [qsTr("Descanso"), qsTr("Comida"), qsTr("Formación"), qsTr("Reunión"), qsTr("Otro")]
                        MenuItem {
                            required property string modelData
                            text: modelData
                            onTriggered: desk.controller.takeBreak(modelData)
                        }
                    }
                }
            }
            Button {
                text: qsTr("Salir")
                enabled: desk.controller.callState === CallController.Idle
                onClicked: desk.controller.logOut()
            }
        }
    }

    // While no citizen is on the line, call-backs to make are on the right.
    TaskList {
        id: tasks
        anchors { right: parent.right; top: bar.bottom; bottom: parent.bottom }
        width: visible ? Math.min(460, parent.width * 0.36) : 0
        visible: desk.controller.callState === CallController.Idle
        controller: desk.controller
    }
    Item {
        anchors { left: parent.left; right: tasks.left; top: bar.bottom; bottom: parent.bottom }
        Label {
            anchors.centerIn: parent
            visible: desk.controller.callState === CallController.Idle && desk.controller.advisorState !== "wrap-up"
            text: desk.controller.available ? qsTr("Esperando a la próxima persona…")
                                            : qsTr("No recibirá llamadas hasta que se ponga disponible")
            color: Theme.muted
            font.pixelSize: Theme.title
        }
        Column {
            anchors.centerIn: parent
            spacing: 16
            visible: desk.controller.callState === CallController.Idle && desk.controller.advisorState === "wrap-up"
            Label {
                anchors.horizontalCenter: parent.horizontalCenter
                text: qsTr("Termine el registro de la atención anterior")
                color: Theme.text
                font.pixelSize: Theme.title
            }
            CasePanel {
                anchors.horizontalCenter: parent.horizontalCenter
                width: 440
                visible: desk.controller.caseId > 0
                controller: desk.controller
            }
            Button {
                anchors.horizontalCenter: parent.horizontalCenter
                text: qsTr("Estoy disponible")
                highlighted: true
                onClicked: desk.controller.setAvailable(true)
            }
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
