// The first screen: who we are and the one big button; below it, smaller, the errands.
import QtQuick
import Ventanilla

Item {
    required property KioskController controller

    Column {
        anchors.centerIn: parent
        spacing: 36
        width: parent.width * 0.8
        Text {
            width: parent.width
            text: qsTr("Oficina Virtual Asistida")
            color: Theme.text
            font.family: Theme.font
            font.pixelSize: Theme.huge
            font.bold: true
            horizontalAlignment: Text.AlignHCenter
        }
        Text {
            width: parent.width
            text: controller.municipality.length > 0 ? controller.municipality : " "
            color: Theme.muted
            font.family: Theme.font
            font.pixelSize: Theme.large
            horizontalAlignment: Text.AlignHCenter
        }
        Item { width: 1; height: 30 }
        BigButton {
            anchors.horizontalCenter: parent.horizontalCenter
            width: 640
            height: 180
            text: qsTr("Pulse aquí para hablar con un asesor")
            subtitle: "Press here to talk to an advisor"
            onClicked: controller.openServiceMenu()
        }
        Text {
            width: parent.width
            text: qsTr("Le verá y le oirá una persona de la oficina provincial de atención a la ciudadanía.")
            color: Theme.muted
            font.family: Theme.font
            font.pixelSize: Theme.normal
            wrapMode: Text.WordWrap
            horizontalAlignment: Text.AlignHCenter
        }
        Row {
            anchors.horizontalCenter: parent.horizontalCenter
            spacing: 24
            BigButton {
                width: 330
                height: 100
                labelSize: Theme.normal
                fill: Theme.panel
                ink: Theme.text
                text: qsTr("Tengo cita")
                subtitle: "I have an appointment"
                visible: controller.appointmentsOffered
                onClicked: controller.startErrand("check-in")
            }
            BigButton {
                width: 330
                height: 100
                labelSize: Theme.normal
                fill: Theme.panel
                ink: Theme.text
                text: qsTr("Pedir cita")
                subtitle: "Book an appointment"
                visible: controller.appointmentsOffered
                onClicked: controller.startErrand("appointment")
            }
            BigButton {
                width: 330
                height: 100
                labelSize: Theme.normal
                fill: Theme.panel
                ink: Theme.text
                text: qsTr("Que me llamen")
                subtitle: "Call me back"
                onClicked: controller.startErrand("callback")
            }
        }
        Text {
            width: parent.width
            visible: controller.lastError.length > 0
            text: controller.lastError
            color: Theme.button
            font.family: Theme.font
            font.pixelSize: Theme.small
            wrapMode: Text.WordWrap
            horizontalAlignment: Text.AlignHCenter
        }
    }
}
