// The errand is done: the appointment's number and time, large, to note down; or the
// confirmation that we will call back.
import QtQuick
import Ventanilla

Item {
    id: screen
    required property KioskController controller
    readonly property bool appointment: controller.errand === "appointment"

    Column {
        anchors.centerIn: parent
        width: parent.width * 0.8
        spacing: 28
        Text {
            width: parent.width
            text: screen.appointment ? qsTr("Su cita está reservada") : qsTr("Le llamaremos")
            color: Theme.text
            font.family: Theme.font
            font.pixelSize: Theme.huge
            font.bold: true
            horizontalAlignment: Text.AlignHCenter
        }
        Text {
            width: parent.width
            text: screen.appointment ? "Your appointment is booked" : "We will call you back"
            color: Theme.muted
            font.family: Theme.font
            font.pixelSize: Theme.normal
            horizontalAlignment: Text.AlignHCenter
        }
        Rectangle {
            anchors.horizontalCenter: parent.horizontalCenter
            visible: screen.appointment
            width: Math.max(codeText.implicitWidth, whenText.implicitWidth) + 120
            height: 260
            radius: 24
            color: Theme.panel
            Column {
                anchors.centerIn: parent
                spacing: 10
                Text {
                    id: whenText
                    anchors.horizontalCenter: parent.horizontalCenter
                    text: screen.controller.errandText
                    color: Theme.text
                    font.family: Theme.font
                    font.pixelSize: Theme.large
                    font.bold: true
                }
                Text {
                    anchors.horizontalCenter: parent.horizontalCenter
                    text: qsTr("Número de cita")
                    color: Theme.muted
                    font.family: Theme.font
                    font.pixelSize: Theme.normal
                }
                Text {
                    id: codeText
                    anchors.horizontalCenter: parent.horizontalCenter
                    text: screen.controller.errandCode.replace(/(\d{3})(\d{3})/, "$1 $2")
                    color: Theme.button
                    font.family: Theme.font
                    font.pixelSize: 96
                    font.bold: true
                }
            }
        }
        Text {
            width: parent.width
            text: screen.appointment
                  ? qsTr("Anote el número. Ese día, venga a este punto de atención, pulse «Tengo cita» y escríbalo: le atenderemos a su hora.")
                  : qsTr("Un asesor le llamará al teléfono que nos ha dado para: %1. Puede irse tranquilo.").arg(screen.controller.errandServiceName)
            color: Theme.text
            font.family: Theme.font
            font.pixelSize: Theme.normal
            wrapMode: Text.WordWrap
            horizontalAlignment: Text.AlignHCenter
        }
        BigButton {
            anchors.horizontalCenter: parent.horizontalCenter
            width: 420
            height: 110
            text: qsTr("Terminar")
            subtitle: "Done"
            onClicked: screen.controller.closeErrand()
        }
    }
}
