// The call at the advisor's desk: the citizen's camera, the kiosk's screen when shown,
// the advisor's own picture, the case, and the controls.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Ventanilla

Item {
    id: view
    required property ConsoleController controller
    readonly property bool showingScreen: controller.peerSharingDesktop

    RowLayout {
        anchors.fill: parent
        anchors.margins: 16
        anchors.bottomMargin: 84
        spacing: 16
        Rectangle {
            Layout.fillHeight: true
            Layout.fillWidth: true
            Layout.preferredWidth: view.showingScreen ? 1 : 3
            color: "black"
            radius: 8
            VideoView { id: citizen; anchors.fill: parent; source: view.controller.remoteVideo }
            Label {
                anchors.centerIn: parent
                visible: !citizen.hasFrame
                text: qsTr("Conectando…")
                color: "white"
                font.pixelSize: Theme.title
            }
            Label {
                anchors { left: parent.left; top: parent.top; margins: 12 }
                text: view.controller.peerName
                color: "white"
                font.pixelSize: Theme.normal
                background: Rectangle { color: "#99000000"; radius: 4 }
                padding: 6
            }
            Rectangle {
                anchors { right: parent.right; bottom: parent.bottom; margins: 12 }
                width: 240; height: 135
                color: "#222"
                border.color: "white"
                VideoView { anchors.fill: parent; anchors.margins: 1; source: view.controller.localPreview; mirrored: true; crop: true }
            }
        }
        Rectangle {
            visible: view.showingScreen
            Layout.fillHeight: true
            Layout.fillWidth: true
            Layout.preferredWidth: 2
            color: "#111"
            radius: 8
            VideoView { anchors.fill: parent; source: view.controller.remoteDesktop }
            Label {
                anchors { left: parent.left; top: parent.top; margins: 12 }
                text: qsTr("Pantalla del ciudadano")
                color: "white"
                font.pixelSize: Theme.normal
                background: Rectangle { color: "#99000000"; radius: 4 }
                padding: 6
            }
        }
        CasePanel {
            Layout.alignment: Qt.AlignTop
            Layout.preferredWidth: 340
            Layout.maximumWidth: 340
            Layout.minimumWidth: 340
            controller: view.controller
            canTransfer: true
        }
    }
    RowLayout {
        anchors { left: parent.left; right: parent.right; bottom: parent.bottom; margins: 16 }
        height: 56
        spacing: 12
        Button {
            text: view.showingScreen ? qsTr("Dejar de ver su pantalla") : qsTr("Ver la pantalla del ciudadano")
            onClicked: view.controller.requestKioskScreen(!view.showingScreen)
        }
        Button {
            text: view.controller.sharingDesktop ? qsTr("Dejar de compartir") : qsTr("Compartir mi pantalla")
            onClicked: view.controller.setDesktopShared(!view.controller.sharingDesktop)
        }
        Label {
            Layout.fillWidth: true
            text: view.controller.statsText
            color: Theme.muted
            font.pixelSize: Theme.small
            elide: Text.ElideRight
        }
        Button {
            text: qsTr("Colgar")
            palette.button: Theme.danger
            palette.buttonText: "white"
            onClicked: view.controller.hangUp()
        }
    }
}
