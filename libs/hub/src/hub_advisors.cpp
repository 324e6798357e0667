// Advisors' states: one place that changes them, logs them for occupancy and tells the
// advisor; wrap-up after a call; breaks with a reason.
#include "ventanilla/hub/hub.h"
#include "ventanilla/hub/shifts.h"

#include "ventanilla/hub/logging.h"

namespace ventanilla::hub {

using signalling::makeMessage;
using signalling::MessageType;

QString advisorStateName(AdvisorState state)
{
    switch (state) {
    case AdvisorState::Away:
        return QStringLiteral("away");
    case AdvisorState::Available:
        return QStringLiteral("available");
    case AdvisorState::Offered:
        return QStringLiteral("offered");
    case AdvisorState::InCall:
        return QStringLiteral("in-call");
    case AdvisorState::WrapUp:
        return QStringLiteral("wrap-up");
    case AdvisorState::Break:
        return QStringLiteral("break");
    case AdvisorState::Unknown:
        break;
    }
    return QStringLiteral("unknown");
}

void Hub::setAdvisorState(PeerSession &advisor, AdvisorState state, const QString &reason)
{
    if (advisor.advisorState == state && advisor.stateReason == reason)
        return;
    if (state != AdvisorState::WrapUp && advisor.wrapUpTimer)
        advisor.wrapUpTimer.release()->deleteLater(); // may be running its own timeout
    advisor.advisorState = state;
    advisor.stateReason = state == AdvisorState::Break || state == AdvisorState::Away ? reason : QString();
    const qint64 now = store::nowMs();
    if (state == AdvisorState::Available)
        advisor.availableSinceMs = now;
    try {
        m_store.logAdvisorState(advisor.recordId, advisorStateName(state), advisor.stateReason, now);
    } catch (const store::StoreError &) {
        // Logged by the store; the state change itself must not fail on statistics.
    }
    // Offered and in-call are told by call-offer and call-start; the others by advisor-state.
    if (state == AdvisorState::Offered || state == AdvisorState::InCall)
        return;
    QJsonObject fields{{QStringLiteral("state"), advisorStateName(state)}};
    if (!advisor.stateReason.isEmpty())
        fields.insert(QStringLiteral("reason"), advisor.stateReason);
    if (state == AdvisorState::WrapUp)
        fields.insert(QStringLiteral("until_ms"), now + qint64(m_config.wrapUp_s) * 1000);
    deliver(advisor.peerId, makeMessage(MessageType::AdvisorState, fields));
}

void Hub::startWrapUp(PeerSession &advisor, const QString &callId)
{
    if (m_config.wrapUp_s <= 0) {
        m_store.markWrapUpEnded(callId, store::nowMs());
        becomeFree(advisor);
        return;
    }
    advisor.wrapUpCallId = callId;
    setAdvisorState(advisor, AdvisorState::WrapUp);
    advisor.wrapUpTimer = std::make_unique<QTimer>();
    advisor.wrapUpTimer->setSingleShot(true);
    connect(advisor.wrapUpTimer.get(), &QTimer::timeout, this, [this, peerId = advisor.peerId] {
        if (const auto session = m_sessions.value(peerId); session && session->advisorState == AdvisorState::WrapUp) {
            finishWrapUp(*session);
            offerWaitingCalls();
        }
    });
    advisor.wrapUpTimer->start(m_config.wrapUp_s * 1000);
}

void Hub::finishWrapUp(PeerSession &advisor)
{
    if (!advisor.wrapUpCallId.isEmpty())
        m_store.markWrapUpEnded(std::exchange(advisor.wrapUpCallId, QString()), store::nowMs());
    becomeFree(advisor);
}

void Hub::becomeFree(PeerSession &advisor)
{
    if (advisor.onShift || advisor.overtime)
        return setAdvisorState(advisor, AdvisorState::Available);
    qCInfo(lcHub).noquote() << advisor.peerId << "finished their last call: their shift is over";
    setAdvisorState(advisor, AdvisorState::Away, QStringLiteral("end-of-shift"));
}

void Hub::checkShifts()
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (const auto &session : std::as_const(m_sessions)) {
        if (session->role != PeerRole::Advisor)
            continue;
        const bool onShift = isOnShift(m_store, session->recordId, now);
        if (onShift == session->onShift)
            continue;
        session->onShift = onShift;
        session->overtime = false;
        // A shift that ends stops new offers; a call in progress finishes first (becomeFree).
        if (!onShift && session->advisorState == AdvisorState::Available) {
            qCInfo(lcHub).noquote() << session->peerId << "reached the end of their shift; no more offers";
            setAdvisorState(*session, AdvisorState::Away, QStringLiteral("end-of-shift"));
        }
    }
}

} // namespace ventanilla::hub
