// The call: the advisor fills the screen (or, while the advisor shows their screen, that
// screen does and the advisor moves to a corner), the citizen sees themselves in a corner,
// a banner says when their own screen is being shown, and a red button ends the call.
import QtQuick
import Ventanilla

Item {
    id: screen
    required property KioskController controller
    readonly property bool advisorSharing: controller.peerSharingDesktop

    VideoView {
        id: advisorScreen
        anchors.fill: parent
        visible: screen.advisorSharing
        source: controller.remoteDesktop
    }
    VideoView {
        id: advisor
        anchors.fill: screen.advisorSharing ? undefined : parent
        x: screen.advisorSharing ? 24 : 0
        y: screen.advisorSharing ? parent.height - height - 160 : 0
        width: screen.advisorSharing ? 320 : parent.width
        height: screen.advisorSharing ? 180 : parent.height
        source: controller.remoteVideo
    }
    Text {
        anchors.centerIn: parent
        visible: !advisor.hasFrame
        text: qsTr("Conectando con su asesor…")
        color: Theme.text
        font.family: Theme.font
        font.pixelSize: Theme.large
    }
    Rectangle {
        anchors { top: parent.top; left: parent.left; margins: 24 }
        width: nameText.implicitWidth + 40
        height: 60
        radius: 12
        color: "#99000000"
        visible: controller.peerName.length > 0
        Text {
            id: nameText
            anchors.centerIn: parent
            text: controller.peerName
            color: Theme.text
            font.family: Theme.font
            font.pixelSize: Theme.normal
        }
    }
    Rectangle {
        anchors { top: parent.top; right: parent.right; margins: 24 }
        width: 320
        height: 180
        color: "black"
        border.color: Theme.text
        border.width: 2
        VideoView {
            anchors.fill: parent
            anchors.margins: 2
            source: controller.localPreview
            mirrored: true
            crop: true
        }
    }
    Rectangle {
        anchors { horizontalCenter: parent.horizontalCenter; top: parent.top; topMargin: 24 }
        visible: controller.sharingDesktop
        width: shareText.implicitWidth + 48
        height: 64
        radius: 32
        color: Theme.button
        Text {
            id: shareText
            anchors.centerIn: parent
            text: qsTr("El asesor está viendo su pantalla")
            color: Theme.buttonText
            font.family: Theme.font
            font.pixelSize: Theme.small
            font.bold: true
        }
    }
    BigButton {
        anchors { horizontalCenter: parent.horizontalCenter; bottom: parent.bottom; bottomMargin: 32 }
        width: 360
        height: 110
        fill: Theme.danger
        ink: Theme.text
        text: qsTr("Colgar")
        subtitle: "Hang up"
        onClicked: controller.hangUp()
    }
}
