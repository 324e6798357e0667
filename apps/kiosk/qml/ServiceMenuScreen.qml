// What do you need? One large tile per service of the charter in force, with the other
// language beneath; "Otras consultas" covers anyone unsure. A back button returns. The same
// menu chooses the service of an appointment or a call-back.
import QtQuick
import Ventanilla

Item {
    id: menu
    required property KioskController controller

    Text {
        id: heading
        anchors { top: parent.top; topMargin: 36; horizontalCenter: parent.horizontalCenter }
        text: menu.controller.errand === "appointment" ? qsTr("¿Para qué quiere la cita?")
            : menu.controller.errand === "callback" ? qsTr("¿Sobre qué quiere que le llamemos?")
            : qsTr("¿Qué necesita?")
        color: Theme.text
        font.family: Theme.font
        font.pixelSize: Theme.huge
        font.bold: true
    }
    Text {
        id: subheading
        anchors { top: heading.bottom; horizontalCenter: parent.horizontalCenter }
        text: menu.controller.errand === "appointment" ? "What is the appointment for?"
            : menu.controller.errand === "callback" ? "What should we call you about?"
            : "What do you need?"
        color: Theme.muted
        font.family: Theme.font
        font.pixelSize: Theme.normal
    }
    GridView {
        id: grid
        anchors { top: subheading.bottom; topMargin: 28; bottom: back.top; bottomMargin: 24; horizontalCenter: parent.horizontalCenter }
        width: Math.min(parent.width - 80, 2 * cellWidth)
        cellWidth: 560
        cellHeight: 150
        interactive: contentHeight > height
        clip: true
        model: menu.controller.services
        delegate: Item {
            required property string serviceId
            required property string name
            required property string subtitle
            width: grid.cellWidth
            height: grid.cellHeight
            BigButton {
                anchors.fill: parent
                anchors.margins: 12
                labelSize: 30
                text: parent.name
                subtitle: parent.subtitle
                onClicked: menu.controller.chooseService(parent.serviceId, preferred.checked)
            }
        }
    }
    // Self-declared, like a priority seat: elderly people, disabilities, pregnancy.
    Rectangle {
        id: preferred
        property bool checked: false
        visible: menu.controller.errand === "call"
        anchors { left: parent.left; leftMargin: 40; verticalCenter: back.verticalCenter }
        width: 400
        height: 90
        radius: 20
        color: checked ? Theme.button : Theme.panel
        border.color: Theme.button
        border.width: 3
        Column {
            anchors.centerIn: parent
            Text {
                anchors.horizontalCenter: parent.horizontalCenter
                text: (preferred.checked ? "✓ " : "") + qsTr("Atención preferente")
                color: preferred.checked ? Theme.buttonText : Theme.text
                font.family: Theme.font
                font.pixelSize: Theme.normal
                font.bold: true
            }
            Text {
                anchors.horizontalCenter: parent.horizontalCenter
                text: qsTr("mayores, discapacidad, embarazo")
                color: preferred.checked ? Theme.buttonText : Theme.muted
                font.family: Theme.font
                font.pixelSize: Theme.small
            }
        }
        MouseArea { anchors.fill: parent; onClicked: preferred.checked = !preferred.checked }
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
        onClicked: menu.controller.closeErrand()
    }
}
