// Advisors' states: one place that changes them, logs them for occupancy and tells the
// advisor; wrap-up after a call; breaks with a reason.
#include "ventanilla/hub/hub.h"

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
    advisor.stateReason = state == AdvisorState::Break ? reason : QString();
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
        setAdvisorState(advisor, AdvisorState::Available);
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
    setAdvisorState(advisor, AdvisorState::Available);
}

} // namespace ventanilla::hub
