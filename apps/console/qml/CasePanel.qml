// The citizen's case beside the call and during wrap-up: reference, type and status, the
// notes so far, a new note; and, during the call, handing the citizen on to another service.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Ventanilla

Rectangle {
    id: panel
    required property ConsoleController controller
    property bool canTransfer: false
    readonly property var types: [
        { id: "consultation", name: qsTr("Consulta") }, { id: "certificate", name: qsTr("Certificado") },
        { id: "procedure", name: qsTr("Trámite") }, { id: "aid", name: qsTr("Ayuda o subvención") },
        { id: "claim", name: qsTr("Reclamación") }, { id: "other", name: qsTr("Otro") }]
    readonly property var statuses: [
        { id: "open", name: qsTr("Abierto") }, { id: "pending-citizen", name: qsTr("Pendiente del ciudadano") },
        { id: "pending-administration", name: qsTr("Pendiente de la administración") },
        { id: "resolved", name: qsTr("Resuelto") }, { id: "closed", name: qsTr("Cerrado") }]
    function indexOf(list, id) { for (let i = 0; i < list.length; ++i) if (list[i].id === id) return i; return 0 }
    color: Theme.panel
    radius: 8
    border.color: "#d5dbe3"
    implicitHeight: column.implicitHeight + 32

    ColumnLayout {
        id: column
        anchors { fill: parent; margins: 16 }
        spacing: 8
        Label {
            Layout.fillWidth: true
            elide: Text.ElideRight
            text: panel.controller.caseReference.length > 0 ? qsTr("Expediente %1").arg(panel.controller.caseReference) : qsTr("Expediente")
            font.pixelSize: Theme.normal + 3
            font.bold: true
            color: Theme.text
        }
        ComboBox {
            id: type
            Layout.fillWidth: true
            model: panel.types
            textRole: "name"
            currentIndex: panel.indexOf(panel.types, panel.controller.caseType)
        }
        ComboBox {
            id: status
            Layout.fillWidth: true
            model: panel.statuses
            textRole: "name"
            currentIndex: panel.indexOf(panel.statuses, panel.controller.caseStatus)
        }
        ListView {
            Layout.fillWidth: true
            Layout.preferredHeight: Math.min(contentHeight, 160)
            clip: true
            model: panel.controller.caseNotes
            delegate: Label {
                required property var modelData
                width: ListView.view.width
                text: new Date(modelData.atMs).toLocaleTimeString(Qt.locale("es_ES"), "HH:mm") + " " + modelData.advisor + ": " + modelData.text
                wrapMode: Text.WordWrap
                font.pixelSize: Theme.small
                color: Theme.muted
            }
        }
        TextArea {
            id: note
            Layout.fillWidth: true
            Layout.preferredHeight: 80
            placeholderText: qsTr("Nota: qué se ha hecho, qué falta")
            wrapMode: TextEdit.Wrap
        }
        Button {
            text: qsTr("Guardar")
            highlighted: true
            enabled: panel.controller.caseId > 0
            onClicked: {
                panel.controller.updateCase(panel.types[type.currentIndex].id, panel.statuses[status.currentIndex].id, note.text)
                note.clear()
            }
        }
        RowLayout {
            visible: panel.canTransfer
            Layout.fillWidth: true
            ComboBox {
                id: target
                Layout.fillWidth: true
                model: panel.controller.services
                textRole: "name"
                valueRole: "serviceId"
                displayText: currentIndex < 0 ? qsTr("Transferir a…") : currentText
                // The menu arrives after login, when this panel may already exist.
                onCountChanged: if (currentIndex < 0 && count > 0) currentIndex = 0
            }
            Button {
                text: qsTr("Transferir")
                enabled: target.currentIndex >= 0
                onClicked: panel.controller.transferTo(target.currentValue, note.text)
            }
        }
    }
}
