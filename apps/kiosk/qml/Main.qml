// The kiosk window: one screen at a time, chosen from the controller's link and call state.
import QtQuick
import QtQuick.Window
import Ventanilla

Window {
    id: window
    required property KioskController controller
    width: 1280
    height: 800
    visible: true
    color: Theme.background
    title: qsTr("Ventanilla — Oficina Virtual Asistida")

    readonly property bool online: controller.linkState === "online"

    Loader {
        anchors.fill: parent
        sourceComponent: {
            if (!window.online && window.controller.callState !== CallController.InCall)
                return offline
            switch (window.controller.callState) {
            case CallController.Waiting:
                return window.controller.errand === "callback" ? errandScreen() : waiting
            case CallController.Connecting:
            case CallController.InCall: return call
            default:
                if (window.controller.surveyCallId !== "")
                    return survey
                if (window.controller.errand !== "")
                    return errandScreen()
                return window.controller.officeOpen ? welcome : closed
            }
        }
    }
    function errandScreen() {
        switch (controller.errandStep) {
        case "service": return services
        case "slot": return slotChoice
        case "done": return errandDone
        default: return numberEntry
        }
    }
    Component { id: offline; OfflineScreen { controller: window.controller } }
    Component { id: welcome; WelcomeScreen { controller: window.controller } }
    Component { id: services; ServiceMenuScreen { controller: window.controller } }
    Component { id: closed; ClosedScreen { controller: window.controller } }
    Component { id: survey; SurveyScreen { controller: window.controller } }
    Component { id: slotChoice; SlotScreen { controller: window.controller } }
    Component { id: numberEntry; NumberEntryScreen { controller: window.controller } }
    Component { id: errandDone; ErrandDoneScreen { controller: window.controller } }
    Component { id: waiting; WaitingScreen { controller: window.controller } }
    Component { id: call; CallScreen { controller: window.controller } }
}
