// The office is closed: say so plainly, when it opens again, and what the citizen can do
// meanwhile: book an appointment or leave a phone number to be called back.
import QtQuick
import Ventanilla

Item {
    required property KioskController controller

    Column {
        anchors.centerIn: parent
        spacing: 32
        width: parent.width * 0.8
        Text {
            width: parent.width
            text: qsTr("La oficina está cerrada")
            color: Theme.text
            font.family: Theme.font
            font.pixelSize: Theme.huge
            font.bold: true
            horizontalAlignment: Text.AlignHCenter
        }
        Text {
            width: parent.width
            text: "The office is closed"
            color: Theme.muted
            font.family: Theme.font
            font.pixelSize: Theme.normal
            horizontalAlignment: Text.AlignHCenter
        }
        Rectangle {
            anchors.horizontalCenter: parent.horizontalCenter
            visible: controller.nextOpening.length > 0
            width: Math.min(parent.width, openingText.implicitWidth + 80)
            height: 150
            radius: 24
            color: Theme.panel
            Column {
                anchors.centerIn: parent
                spacing: 8
                Text {
                    anchors.horizontalCenter: parent.horizontalCenter
                    text: qsTr("Volvemos a abrir el")
                    color: Theme.muted
                    font.family: Theme.font
                    font.pixelSize: Theme.normal
                }
                Text {
                    id: openingText
                    anchors.horizontalCenter: parent.horizontalCenter
                    text: controller.nextOpening
                    color: Theme.button
                    font.family: Theme.font
                    font.pixelSize: Theme.large
                    font.bold: true
                }
            }
        }
        Text {
            width: parent.width
            text: qsTr("Mientras tanto puede:")
            color: Theme.text
            font.family: Theme.font
            font.pixelSize: Theme.normal
            horizontalAlignment: Text.AlignHCenter
        }
        Row {
            anchors.horizontalCenter: parent.horizontalCenter
            spacing: 32
            BigButton {
                width: 440
                height: 130
                visible: controller.appointmentsOffered
                text: qsTr("Pedir cita")
                subtitle: "Book an appointment"
                onClicked: controller.startErrand("appointment")
            }
            BigButton {
                width: 440
                height: 130
                text: qsTr("Que me llamen")
                subtitle: "Call me back"
                onClicked: controller.startErrand("callback")
            }
        }
    }
}
