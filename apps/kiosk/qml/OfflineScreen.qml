// Shown while the kiosk cannot reach the hub: the citizen knows the service is
// temporarily unavailable and that the kiosk is trying again by itself.
import QtQuick
import Ventanilla

Item {
    required property KioskController controller

    Column {
        anchors.centerIn: parent
        spacing: 28
        width: parent.width * 0.8
        Text {
            width: parent.width
            text: controller.linkState === "refused" ? qsTr("Este puesto no está autorizado")
                                                     : qsTr("Conectando con la oficina provincial…")
            color: Theme.text
            font.family: Theme.font
            font.pixelSize: Theme.large
            font.bold: true
            wrapMode: Text.WordWrap
            horizontalAlignment: Text.AlignHCenter
        }
        Text {
            width: parent.width
            text: controller.linkState === "refused"
                  ? qsTr("Avise al personal del ayuntamiento. (This booth is not authorised; please tell the town hall staff.)")
                  : qsTr("El servicio volverá en unos instantes. (Connecting to the provincial office…)")
            color: Theme.muted
            font.family: Theme.font
            font.pixelSize: Theme.normal
            wrapMode: Text.WordWrap
            horizontalAlignment: Text.AlignHCenter
        }
    }
}
