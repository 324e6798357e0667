// Scripted use of a kiosk or console, for the demo and for unattended test runs:
// call, answer, share the desktop, hang up and quit on a timetable, with a hard deadline.
#pragma once

#include "ventanilla/client/console_controller.h"
#include "ventanilla/client/kiosk_controller.h"

#include <QTimer>

namespace ventanilla::client {

struct AutomationPlan {
    QString callService; // kiosk: request a call with this service once online
    bool answer = false; // console: go available and accept every offer
    bool available = false; // console: go available, leave offers ringing
    int shareAfter_ms = -1; // after the first frame: start sharing (kiosk: its desktop)
    int shareFor_ms = 3000;
    int hangUpAfter_ms = -1; // after the first frame
    int quitAfterCalls = 0; // quit the app once this many calls have finished
    int deadline_ms = 0; // quit with exit code 3 if not done by then

    bool active() const
    {
        return !callService.isEmpty() || answer || available || quitAfterCalls > 0 || deadline_ms > 0
            || shareAfter_ms >= 0;
    }
};

class Automation : public QObject {
    Q_OBJECT
public:
    Automation(KioskController &kiosk, AutomationPlan plan, QObject *parent = nullptr);
    Automation(ConsoleController &console, AutomationPlan plan, QObject *parent = nullptr);

private:
    void armCommon(CallController &controller);
    void onInCall(CallController &controller);

    AutomationPlan m_plan;
    QTimer m_deadline;
    int m_finishedCalls = 0;
    bool m_callRequested = false;
};

} // namespace ventanilla::client
