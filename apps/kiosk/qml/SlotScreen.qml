// Choosing the day and time of an appointment: days on the left, that day's free times on
// the right, as the hub sent them.
import QtQuick
import Ventanilla

Item {
    id: screen
    required property KioskController controller
    readonly property var days: {
        const seen = []
        for (const slot of controller.appointmentSlots) {
            if (seen.indexOf(slot.day) < 0)
                seen.push(slot.day)
        }
        return seen
    }
    property string day: days.length > 0 ? days[0] : ""

    Text {
        id: heading
        anchors { top: parent.top; topMargin: 32; horizontalCenter: parent.horizontalCenter }
        text: qsTr("Elija día y hora")
        color: Theme.text
        font.family: Theme.font
        font.pixelSize: Theme.huge
        font.bold: true
    }
    Text {
        id: subheading
        anchors { top: heading.bottom; horizontalCenter: parent.horizontalCenter }
        text: qsTr("Cita para: %1").arg(screen.controller.errandServiceName) + "  ·  Choose a day and time"
        color: Theme.muted
        font.family: Theme.font
        font.pixelSize: Theme.small
    }
    ErrandError {
        id: error
        anchors { top: subheading.bottom; topMargin: 12; horizontalCenter: parent.horizontalCenter }
        width: parent.width * 0.7
        text: screen.controller.errandError
    }
    Text {
        anchors.centerIn: parent
        visible: screen.days.length === 0
        text: qsTr("Buscando horas libres…")
        color: Theme.muted
        font.family: Theme.font
        font.pixelSize: Theme.normal
    }
    ListView {
        id: dayList
        anchors { top: error.bottom; topMargin: 20; bottom: back.top; bottomMargin: 20; left: parent.left; leftMargin: 40 }
        width: 420
        spacing: 12
        clip: true
        model: screen.days
        delegate: BigButton {
            required property string modelData
            width: dayList.width
            height: 84
            labelSize: Theme.normal
            text: modelData
            fill: modelData === screen.day ? Theme.button : Theme.panel
            ink: modelData === screen.day ? Theme.buttonText : Theme.text
            onClicked: { screen.day = modelData; screen.controller.keepAlive() }
        }
    }
    GridView {
        id: times
        anchors { top: dayList.top; bottom: dayList.bottom; left: dayList.right; leftMargin: 40; right: parent.right; rightMargin: 40 }
        cellWidth: 200
        cellHeight: 104
        clip: true
        model: screen.controller.appointmentSlots.filter(slot => slot.day === screen.day)
        delegate: Item {
            required property var modelData
            width: times.cellWidth
            height: times.cellHeight
            BigButton {
                anchors.fill: parent
                anchors.margins: 10
                leftPadding: 8
                rightPadding: 8
                labelSize: Theme.large
                text: parent.modelData.time
                onClicked: screen.controller.chooseSlot(parent.modelData.startsAtMs)
            }
        }
    }
    BigButton {
        id: back
        anchors { bottom: parent.bottom; bottomMargin: 28; horizontalCenter: parent.horizontalCenter }
        width: 360
        height: 100
        fill: Theme.panel
        ink: Theme.text
        text: qsTr("Volver")
        subtitle: "Back"
        onClicked: screen.controller.closeErrand()
    }
}
