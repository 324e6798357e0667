// A citizen is ringing: where from, for what, accept or pass.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Ventanilla

Rectangle {
    required property ConsoleController controller
    width: 520
    height: 260
    radius: 14
    color: Theme.panel
    border.color: Theme.accent
    border.width: 3
    ColumnLayout {
        anchors.fill: parent
        anchors.margins: 28
        spacing: 10
        Label { text: qsTr("Llamada entrante"); font.pixelSize: Theme.small; color: Theme.muted }
        Label { text: controller.incomingMunicipality; font.pixelSize: Theme.title; font.bold: true; color: Theme.text }
        Label { text: qsTr("Servicio: ") + controller.incomingServiceName; font.pixelSize: Theme.normal; color: Theme.text }
        Label {
            Layout.fillWidth: true
            visible: controller.incomingTransfer.length > 0
            text: controller.incomingTransfer
            wrapMode: Text.WordWrap
            font.pixelSize: Theme.small
            color: Theme.accent
        }
        Item { Layout.fillHeight: true }
        RowLayout {
            spacing: 16
            Button {
                Layout.fillWidth: true
                text: qsTr("Atender")
                highlighted: true
                onClicked: controller.accept()
            }
            Button {
                Layout.fillWidth: true
                text: qsTr("Pasar")
                onClicked: controller.decline()
            }
        }
    }
}
