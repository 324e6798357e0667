// Colours and sizes of the kiosk: high contrast and large type for citizens with poor
// sight; the yellow button of the provincial pilot.
pragma Singleton
import QtQuick

QtObject {
    readonly property color background: "#0b2e59"
    readonly property color panel: "#123f75"
    readonly property color text: "#ffffff"
    readonly property color muted: "#c9d6e8"
    readonly property color button: "#ffcc00"
    readonly property color buttonText: "#1a1a1a"
    readonly property color danger: "#d62828"
    readonly property color ok: "#2a9d55"
    readonly property int huge: 64
    readonly property int large: 40
    readonly property int normal: 28
    readonly property int small: 22
    readonly property string font: "DejaVu Sans"
}
