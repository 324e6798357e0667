// The kiosk's role: request a call, follow the queue, leave it.
#include "ventanilla/client/kiosk_controller.h"

#include "ventanilla/client/logging.h"

namespace ventanilla::client {

using signalling::makeMessage;
using signalling::MessageType;

KioskController::KioskController(const KioskConfig &config, QObject *parent)
    : CallController(linkOptions(config.hub,
                         {{QStringLiteral("role"), QStringLiteral("kiosk")}, {QStringLiteral("site_id"), config.siteId},
                             {QStringLiteral("credential"), config.credential},
                             {QStringLiteral("client"), QStringLiteral("ventanilla-kiosk")}}),
        config.media, parent),
      m_language(config.language), m_services(config.language)
{
    // Nobody stands beside the citizen: an abandoned menu goes back to the welcome screen.
    m_menuIdle.setSingleShot(true);
    m_menuIdle.setInterval(60000);
    connect(&m_menuIdle, &QTimer::timeout, this, &KioskController::closeServiceMenu);
    connect(this, &CallController::roleMessage, this, &KioskController::onRoleMessage);
    // A refused request (office closed, unknown service, no charter) leaves the queue at once.
    connect(&link(), &signalling::SignallingClient::hubError, this,
        [this](const QString &, const QString &, const QString &ref) {
            if (ref == QLatin1String("call-request") && callState() == CallState::Waiting) {
                setCallId({});
                setCallState(CallState::Idle);
            }
        });
    connect(this, &CallController::callStateChanged, this, [this] {
        if (callState() != CallState::Waiting && m_queuePosition != 0) {
            m_queuePosition = 0;
            m_estimatedWait_s = -1;
            Q_EMIT queueChanged();
        }
    });
}

void KioskController::openServiceMenu()
{
    if (callState() != CallState::Idle || !m_officeOpen)
        return;
    if (m_services.rowCount() == 0) {
        requestCall(QStringLiteral("general"));
        return;
    }
    setChoosingService(true);
    m_menuIdle.start();
}

void KioskController::closeServiceMenu()
{
    setChoosingService(false);
}

void KioskController::setChoosingService(bool choosing)
{
    if (!choosing)
        m_menuIdle.stop();
    if (m_choosingService == choosing)
        return;
    m_choosingService = choosing;
    Q_EMIT choosingServiceChanged();
}

void KioskController::requestCall(const QString &service, bool preferred)
{
    setChoosingService(false);
    if (callState() != CallState::Idle) {
        qCInfo(lcClient) << "call request ignored: already" << callState();
        return;
    }
    setCallState(CallState::Waiting);
    send(makeMessage(MessageType::CallRequest,
        {{QStringLiteral("service"), service},
            {QStringLiteral("priority"), preferred ? QStringLiteral("preferred") : QStringLiteral("normal")}}));
}

void KioskController::cancelRequest()
{
    if (callState() != CallState::Waiting)
        return;
    if (!callId().isEmpty())
        send(makeMessage(MessageType::Hangup,
            {{QStringLiteral("call_id"), callId()}, {QStringLiteral("reason"), QStringLiteral("abandoned")}}));
    setCallId({});
    setCallState(CallState::Idle);
}

void KioskController::onRoleMessage(const signalling::Message &message)
{
    if (message.type() == MessageType::OfficeStatus) {
        m_officeOpen = message.boolean(QStringLiteral("open"));
        m_nextOpening = message.string(QStringLiteral("next_open_text"));
        if (!m_officeOpen)
            setChoosingService(false);
        Q_EMIT officeChanged();
    } else if (message.type() == MessageType::Services) {
        m_charterVersion = message.string(QStringLiteral("charter_version"));
        m_services.setServices(message.fields().value(QStringLiteral("services")).toArray());
        Q_EMIT servicesChanged();
    } else if (message.type() == MessageType::CallQueued && callState() == CallState::Idle) {
        // The hub kept a call this kiosk no longer waits for (it restarted meanwhile): let it go.
        send(makeMessage(MessageType::Hangup,
            {{QStringLiteral("call_id"), message.string(QStringLiteral("call_id"))},
                {QStringLiteral("reason"), QStringLiteral("abandoned")}}));
    } else if (message.type() == MessageType::CallQueued && callState() == CallState::Waiting) {
        setCallId(message.string(QStringLiteral("call_id")));
        m_queuePosition = static_cast<int>(message.integer(QStringLiteral("position")));
        m_estimatedWait_s = message.has(QStringLiteral("estimated_wait_s"))
            ? static_cast<int>(message.integer(QStringLiteral("estimated_wait_s")))
            : -1;
        Q_EMIT queueChanged();
    }
}

} // namespace ventanilla::client
