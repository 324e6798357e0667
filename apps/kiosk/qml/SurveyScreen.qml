// After the conversation: how were you attended? Five large faces, or no answer; it goes
// back to the welcome screen by itself after half a minute.
import QtQuick
import Ventanilla

Item {
    id: screen
    required property KioskController controller

    Column {
        anchors.centerIn: parent
        width: parent.width * 0.9
        spacing: 36
        Text {
            width: parent.width
            text: qsTr("¿Cómo le hemos atendido?")
            color: Theme.text
            font.family: Theme.font
            font.pixelSize: Theme.huge
            font.bold: true
            horizontalAlignment: Text.AlignHCenter
        }
        Text {
            width: parent.width
            text: "How were you attended?"
            color: Theme.muted
            font.family: Theme.font
            font.pixelSize: Theme.normal
            horizontalAlignment: Text.AlignHCenter
        }
        Row {
            anchors.horizontalCenter: parent.horizontalCenter
            spacing: 20
            Repeater {
                // Faces from U+1F600–1F640, which DejaVu Sans draws.
                model: [{ face: "😞", text: qsTr("Muy mal") }, { face: "😟", text: qsTr("Mal") }, { face: "😐", text: qsTr("Regular") },
                        { face: "😊", text: qsTr("Bien") }, { face: "😀", text: qsTr("Muy bien") }]
                delegate: BigButton {
                    required property var modelData
                    required property int index
                    width: 200
                    height: 180
                    leftPadding: 8
                    rightPadding: 8
                    labelSize: 64
                    text: modelData.face
                    subtitle: modelData.text
                    onClicked: screen.controller.rateCall(index + 1)
                }
            }
        }
        BigButton {
            anchors.horizontalCenter: parent.horizontalCenter
            width: 360
            height: 100
            fill: Theme.panel
            ink: Theme.text
            text: qsTr("No, gracias")
            subtitle: "No, thanks"
            onClicked: screen.controller.skipSurvey()
        }
    }
}
