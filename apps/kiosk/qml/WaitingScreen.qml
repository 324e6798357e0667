// While the citizen waits: their place in the queue, and ways to leave: to be called back
// instead, or simply to go.
import QtQuick
import Ventanilla

Item {
    required property KioskController controller

    Column {
        anchors.centerIn: parent
        spacing: 40
        width: parent.width * 0.8
        Text {
            width: parent.width
            text: qsTr("Le atenderemos enseguida")
            color: Theme.text
            font.family: Theme.font
            font.pixelSize: Theme.huge
            font.bold: true
            horizontalAlignment: Text.AlignHCenter
        }
        Text {
            width: parent.width
            text: "We will be with you shortly"
            color: Theme.muted
            font.family: Theme.font
            font.pixelSize: Theme.normal
            horizontalAlignment: Text.AlignHCenter
        }
        Rectangle {
            anchors.horizontalCenter: parent.horizontalCenter
            width: 420
            height: 200
            radius: 24
            color: Theme.panel
            Column {
                anchors.centerIn: parent
                spacing: 8
                Text {
                    anchors.horizontalCenter: parent.horizontalCenter
                    text: qsTr("Su turno")
                    color: Theme.muted
                    font.family: Theme.font
                    font.pixelSize: Theme.normal
                }
                Text {
                    anchors.horizontalCenter: parent.horizontalCenter
                    text: controller.queuePosition > 0 ? controller.queuePosition : "…"
                    color: Theme.button
                    font.family: Theme.font
                    font.pixelSize: 96
                    font.bold: true
                }
            }
        }
        Text {
            width: parent.width
            visible: controller.estimatedWait_s >= 0
            text: controller.estimatedWait_s < 60 ? qsTr("Le atenderán en menos de un minuto")
                                                  : qsTr("Tiempo de espera estimado: unos %1 minutos").arg(Math.round(controller.estimatedWait_s / 60))
            color: Theme.text
            font.family: Theme.font
            font.pixelSize: Theme.normal
            horizontalAlignment: Text.AlignHCenter
        }
        Row {
            anchors.horizontalCenter: parent.horizontalCenter
            spacing: 32
            BigButton {
                width: 420
                height: 110
                fill: Theme.panel
                ink: Theme.text
                text: qsTr("Prefiero que me llamen")
                subtitle: "Call me back instead"
                onClicked: controller.startErrand("callback")
            }
            BigButton {
                width: 420
                height: 110
                fill: Theme.panel
                ink: Theme.text
                text: qsTr("Cancelar")
                subtitle: "Cancel"
                onClicked: controller.cancelRequest()
            }
        }
    }
}
