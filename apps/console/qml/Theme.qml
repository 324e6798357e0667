// Colours and sizes of the advisor's console: calm, dense enough for a working day.
pragma Singleton
import QtQuick

QtObject {
    readonly property color background: "#f3f5f8"
    readonly property color panel: "#ffffff"
    readonly property color bar: "#0b2e59"
    readonly property color text: "#1b2430"
    readonly property color muted: "#5b6b7f"
    readonly property color accent: "#1464c8"
    readonly property color ok: "#2a9d55"
    readonly property color warn: "#e09b00"
    readonly property color danger: "#c62828"
    readonly property int title: 26
    readonly property int normal: 17
    readonly property int small: 14
    readonly property string font: "DejaVu Sans"
}
