// The console window: the login screen until the hub welcomes the advisor, then the desk.
import QtQuick
import QtQuick.Window
import Ventanilla

Window {
    id: window
    required property ConsoleController controller
    width: 1440
    height: 900
    visible: true
    color: Theme.background
    title: qsTr("Ventanilla — Consola del asesor")

    Loader {
        anchors.fill: parent
        sourceComponent: window.controller.loggedIn ? desk : login
    }
    Component { id: login; LoginScreen { controller: window.controller } }
    Component { id: desk; DeskScreen { controller: window.controller } }
}
