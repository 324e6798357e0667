// Timed, scripted use of the apps for the demo and unattended runs.
#include "ventanilla/client/automation.h"

#include "ventanilla/client/logging.h"

#include <QCoreApplication>

namespace ventanilla::client {

Automation::Automation(KioskController &kiosk, AutomationPlan plan, QObject *parent)
    : QObject(parent), m_plan(std::move(plan))
{
    armCommon(kiosk);
    if (!m_plan.callService.isEmpty()) {
        // Once: a citizen who was cut off by a hub restart does not call again by themselves.
        connect(&kiosk, &CallController::welcomed, this, [this, &kiosk] {
            if (std::exchange(m_callRequested, true))
                return;
            qCInfo(lcClient).noquote() << "automation: requesting a call for" << m_plan.callService;
            kiosk.requestCall(m_plan.callService);
        });
    }
}

Automation::Automation(ConsoleController &console, AutomationPlan plan, QObject *parent)
    : QObject(parent), m_plan(std::move(plan))
{
    armCommon(console);
    if (m_plan.answer || m_plan.available) {
        connect(&console, &ConsoleController::loginChanged, this, [&console] {
            if (console.loggedIn())
                console.setAvailable(true);
        });
    }
    if (m_plan.answer) {
        connect(&console, &ConsoleController::incomingCall, this, [&console] {
            qCInfo(lcClient) << "automation: answering";
            console.accept();
        });
    }
    if (m_plan.shareAfter_ms >= 0) {
        // The advisor asks to see the kiosk's screen, as a real advisor would.
        connect(&console, &CallController::callStateChanged, this, [this, &console] {
            if (console.callState() != CallController::CallState::InCall)
                return;
            QTimer::singleShot(m_plan.shareAfter_ms, &console, [&console] { console.requestKioskScreen(true); });
            QTimer::singleShot(
                m_plan.shareAfter_ms + m_plan.shareFor_ms, &console, [&console] { console.requestKioskScreen(false); });
        });
    }
}

void Automation::armCommon(CallController &controller)
{
    if (m_plan.deadline_ms > 0) {
        m_deadline.setSingleShot(true);
        connect(&m_deadline, &QTimer::timeout, this, [] {
            qCWarning(lcClient) << "automation: deadline passed before the script finished";
            QCoreApplication::exit(3);
        });
        m_deadline.start(m_plan.deadline_ms);
    }
    connect(&controller, &CallController::callStateChanged, this, [this, &controller] {
        if (controller.callState() == CallController::CallState::InCall)
            onInCall(controller);
    });
    connect(&controller, &CallController::callFinished, this, [this] {
        if (m_plan.quitAfterCalls > 0 && ++m_finishedCalls >= m_plan.quitAfterCalls) {
            qCInfo(lcClient) << "automation: done after" << m_finishedCalls << "call(s)";
            // Give the call report a moment to leave the socket before the app closes the link.
            QTimer::singleShot(500, qApp, [] { QCoreApplication::exit(0); });
        }
    });
}

void Automation::onInCall(CallController &controller)
{
    if (m_plan.hangUpAfter_ms >= 0)
        QTimer::singleShot(m_plan.hangUpAfter_ms, &controller, [&controller] { controller.hangUp(); });
}

} // namespace ventanilla::client
