// Typing a number on the keypad: the phone for an appointment or a call-back, or the
// six-digit code of an appointment to check in.
import QtQuick
import Ventanilla

Item {
    id: screen
    required property KioskController controller
    readonly property bool forCode: controller.errandStep === "code"

    Row {
        anchors.centerIn: parent
        spacing: 64
        Column {
            width: 560
            spacing: 24
            anchors.verticalCenter: parent.verticalCenter
            Text {
                width: parent.width
                text: screen.forCode ? qsTr("Escriba el número de su cita") : qsTr("Escriba su teléfono")
                color: Theme.text
                font.family: Theme.font
                font.pixelSize: Theme.large
                font.bold: true
                wrapMode: Text.WordWrap
            }
            Text {
                width: parent.width
                text: screen.forCode ? "Type your appointment number" : "Type your phone number"
                color: Theme.muted
                font.family: Theme.font
                font.pixelSize: Theme.small
            }
            Text {
                width: parent.width
                visible: !screen.forCode
                text: screen.controller.errand === "appointment"
                      ? qsTr("%1 — %2").arg(screen.controller.errandServiceName).arg(screen.controller.errandText)
                      : qsTr("Le llamaremos por: %1").arg(screen.controller.errandServiceName)
                color: Theme.muted
                font.family: Theme.font
                font.pixelSize: Theme.small
                wrapMode: Text.WordWrap
            }
            Rectangle {
                width: parent.width
                height: 110
                radius: 16
                color: Theme.panel
                border.color: Theme.button
                border.width: 3
                Text {
                    anchors.centerIn: parent
                    text: pad.value.length > 0 ? pad.value.replace(/(\d{3})(?=\d)/g, "$1 ") : (screen.forCode ? "_ _ _ _ _ _" : "")
                    color: Theme.text
                    font.family: Theme.font
                    font.pixelSize: 56
                    font.bold: true
                }
            }
            ErrandError { width: parent.width; text: screen.controller.errandError }
            BigButton {
                width: 360
                height: 100
                fill: Theme.panel
                ink: Theme.text
                text: qsTr("Volver")
                subtitle: "Back"
                onClicked: screen.controller.closeErrand()
            }
        }
        DigitPad {
            id: pad
            anchors.verticalCenter: parent.verticalCenter
            maxLength: screen.forCode ? 6 : 9
            minLength: screen.forCode ? 6 : 9
            onTouched: screen.controller.keepAlive()
            onAccepted: (value) => screen.forCode ? screen.controller.submitCode(value) : screen.controller.submitPhone(value)
        }
    }
}
