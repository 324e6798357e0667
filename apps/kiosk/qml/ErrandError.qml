// What went wrong with the last step of an errand, in plain words, on a red band.
import QtQuick
import Ventanilla

Rectangle {
    property string text
    visible: text.length > 0
    implicitHeight: visible ? message.implicitHeight + 32 : 0
    radius: 16
    color: Theme.danger
    Text {
        id: message
        anchors { left: parent.left; right: parent.right; verticalCenter: parent.verticalCenter; margins: 24 }
        text: parent.text
        color: Theme.text
        font.family: Theme.font
        font.pixelSize: Theme.normal
        wrapMode: Text.WordWrap
        horizontalAlignment: Text.AlignHCenter
    }
}
