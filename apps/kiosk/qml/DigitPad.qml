// A telephone keypad with large keys: digits, delete and OK. What is typed stays here until
// OK, which hands it on; the controller owns everything after that.
import QtQuick
import Ventanilla

Column {
    id: pad
    property string value
    property int maxLength: 9
    property int minLength: 9
    signal accepted(string value)
    signal touched()
    spacing: 16

    Grid {
        columns: 3
        spacing: 16
        Repeater {
            model: ["1", "2", "3", "4", "5", "6", "7", "8", "9", "⌫", "0", "OK"]
            delegate: BigButton {
                required property string modelData
                width: 150
                height: 96
                leftPadding: 8
                rightPadding: 8
                labelSize: Theme.large
                text: modelData
                fill: modelData === "OK" ? Theme.ok : modelData === "⌫" ? Theme.panel : Theme.button
                ink: modelData === "OK" || modelData === "⌫" ? Theme.text : Theme.buttonText
                enabled: modelData !== "OK" || pad.value.length >= pad.minLength
                opacity: enabled ? 1 : 0.4
                onClicked: {
                    pad.touched()
                    if (modelData === "⌫")
                        pad.value = pad.value.slice(0, -1)
                    else if (modelData === "OK")
                        pad.accepted(pad.value)
                    else if (pad.value.length < pad.maxLength)
                        pad.value += modelData
                }
            }
        }
    }
}
