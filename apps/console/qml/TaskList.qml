// Call-backs citizens asked for: who, what about, their phone; an advisor takes one, phones,
// and closes it as done or unreachable with a note. Everyone sees who has which.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Ventanilla

Rectangle {
    id: panel
    required property ConsoleController controller
    color: Theme.panel
    border.color: "#d5dbe3"

    Label {
        id: heading
        anchors { left: parent.left; top: parent.top; margins: 16 }
        text: qsTr("Llamadas pendientes") + (panel.controller.openTaskCount > 0 ? " (" + panel.controller.openTaskCount + ")" : "")
        color: Theme.text
        font.pixelSize: Theme.title
        font.bold: true
    }
    Label {
        anchors { top: heading.bottom; left: parent.left; margins: 16 }
        visible: panel.controller.tasks.length === 0
        text: qsTr("Nadie ha pedido que le llamen.")
        color: Theme.muted
        font.pixelSize: Theme.normal
    }
    ListView {
        anchors { top: heading.bottom; left: parent.left; right: parent.right; bottom: parent.bottom; margins: 12 }
        spacing: 10
        clip: true
        model: panel.controller.tasks
        delegate: Rectangle {
            id: card
            required property var modelData
            readonly property bool closed: modelData.status === "done" || modelData.status === "unreachable"
            width: ListView.view.width
            height: content.implicitHeight + 20
            radius: 8
            color: closed ? "#eef1f5" : modelData.status === "taken" ? "#fff7e0" : "#e8f1fc"
            ColumnLayout {
                id: content
                anchors { left: parent.left; right: parent.right; top: parent.top; margins: 10 }
                spacing: 4
                RowLayout {
                    Layout.fillWidth: true
                    Label {
                        Layout.fillWidth: true
                        text: card.modelData.serviceName + " · " + card.modelData.municipality
                        color: Theme.text
                        font.pixelSize: Theme.normal
                        font.bold: true
                        elide: Text.ElideRight
                    }
                    Label {
                        text: new Date(card.modelData.requestedAtMs).toLocaleString(Qt.locale("es_ES"), "d MMM HH:mm")
                        color: Theme.muted
                        font.pixelSize: Theme.small
                    }
                }
                Label {
                    text: "☎ " + card.modelData.phone + (card.modelData.name.length > 0 ? "  ·  " + card.modelData.name : "")
                    color: Theme.text
                    font.pixelSize: Theme.normal
                }
                Label {
                    Layout.fillWidth: true
                    visible: card.modelData.note.length > 0
                    text: card.modelData.note
                    color: Theme.muted
                    font.pixelSize: Theme.small
                    wrapMode: Text.WordWrap
                }
                Label {
                    visible: card.modelData.status !== "open"
                    text: {
                        switch (card.modelData.status) {
                        case "taken": return qsTr("Lo atiende %1").arg(card.modelData.advisor)
                        case "done": return qsTr("Hecho por %1").arg(card.modelData.advisor) + (card.modelData.outcome ? ": " + card.modelData.outcome : "")
                        default: return qsTr("No contesta (%1)").arg(card.modelData.advisor) + (card.modelData.outcome ? ": " + card.modelData.outcome : "")
                        }
                    }
                    color: Theme.muted
                    font.pixelSize: Theme.small
                }
                TextField {
                    id: outcome
                    Layout.fillWidth: true
                    visible: card.modelData.status === "taken" && card.modelData.mine
                    placeholderText: qsTr("Qué se hizo (opcional)")
                }
                RowLayout {
                    spacing: 8
                    Button {
                        visible: card.modelData.status === "open"
                        text: qsTr("Llamar")
                        highlighted: true
                        onClicked: panel.controller.updateTask(card.modelData.callbackId, "taken")
                    }
                    Button {
                        visible: card.modelData.status === "taken" && card.modelData.mine
                        text: qsTr("Hecho")
                        highlighted: true
                        onClicked: panel.controller.updateTask(card.modelData.callbackId, "done", outcome.text)
                    }
                    Button {
                        visible: card.modelData.status === "taken" && card.modelData.mine
                        text: qsTr("No contesta")
                        onClicked: panel.controller.updateTask(card.modelData.callbackId, "unreachable", outcome.text)
                    }
                    Button {
                        visible: card.modelData.status === "taken" && card.modelData.mine
                        text: qsTr("Devolver")
                        flat: true
                        onClicked: panel.controller.updateTask(card.modelData.callbackId, "open")
                    }
                }
            }
        }
    }
}
