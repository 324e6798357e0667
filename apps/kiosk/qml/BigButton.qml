// A large, high-contrast touch button with a main label and a smaller second language.
import QtQuick
import QtQuick.Controls

Button {
    id: control
    property string subtitle
    property color fill: Theme.button
    property color ink: Theme.buttonText
    property int labelSize: Theme.large
    implicitWidth: 520
    implicitHeight: 140
    leftPadding: 28
    rightPadding: 28
    contentItem: Item {
        implicitHeight: labels.implicitHeight
        Column {
            id: labels
            anchors.verticalCenter: parent.verticalCenter
            width: parent.width
            spacing: 6
            Text {
                width: parent.width
                text: control.text
                color: control.ink
                font.family: Theme.font
                font.pixelSize: control.labelSize
                font.bold: true
                horizontalAlignment: Text.AlignHCenter
                wrapMode: Text.WordWrap
            }
            Text {
                width: parent.width
                visible: control.subtitle.length > 0
                text: control.subtitle
                color: control.ink
                opacity: 0.75
                font.family: Theme.font
                font.pixelSize: Theme.small
                horizontalAlignment: Text.AlignHCenter
            }
        }
    }
    background: Rectangle {
        radius: height / 2
        color: control.down ? Qt.darker(control.fill, 1.2) : control.fill
        border.color: Qt.darker(control.fill, 1.4)
        border.width: 4
    }
}
