// Shared call logic: hub call messages to media session actions and back.
#include "ventanilla/client/call_controller.h"

#include "ventanilla/client/logging.h"

#include <QDateTime>

namespace ventanilla::client {

using signalling::makeMessage;
using signalling::Message;
using signalling::MessageType;

CallController::CallController(signalling::ClientOptions link, media::MediaConfig media, QObject *parent)
    : QObject(parent), m_link(std::move(link)), m_media(std::move(media))
{
    connect(&m_link, &signalling::SignallingClient::stateChanged, this, &CallController::linkStateChanged);
    connect(&m_link, &signalling::SignallingClient::messageReceived, this, &CallController::onMessage);
    connect(&m_link, &signalling::SignallingClient::welcomed, this, [this](bool resumed) {
        // A new session (the hub restarted, or the grace period ran out) knows nothing of a
        // call that was ringing or in progress: the hub has ended it; end it here too, so both
        // sides agree and the advisor can take the next citizen. A waiting kiosk keeps its place.
        const bool inCall = m_callState == CallState::Ringing || m_callState == CallState::Connecting
            || m_callState == CallState::InCall;
        if (!resumed && inCall && !m_callId.isEmpty()) {
            qCWarning(lcClient).noquote() << "the hub no longer knows call" << m_callId << "; ending it";
            finishCall(QStringLiteral("session-lost"));
        }
        Q_EMIT welcomed();
    });
    connect(&m_link, &signalling::SignallingClient::hubError, this,
        [this](const QString &code, const QString &text, const QString &ref) {
            if (ref == QLatin1String("resume"))
                return; // an expired session: the link says hello again by itself
            setLastError(code == signalling::errors::kAuthFailed ? tr("The hub refused our credentials.") : text);
        });
    connect(&m_media, &media::MediaSession::localDescription, this, [this](const QString &type, const QString &sdp) {
        send(makeMessage(MessageType::Sdp,
            {{QStringLiteral("call_id"), m_callId}, {QStringLiteral("sdp_type"), type}, {QStringLiteral("sdp"), sdp}}));
    });
    connect(&m_media, &media::MediaSession::localCandidate, this, [this](int mline, const QString &candidate) {
        send(makeMessage(MessageType::Ice,
            {{QStringLiteral("call_id"), m_callId}, {QStringLiteral("mline"), mline},
                {QStringLiteral("candidate"), candidate}}));
    });
    connect(&m_media, &media::MediaSession::firstRemoteVideoFrame, this, [this] {
        if (m_callState == CallState::Connecting)
            setCallState(CallState::InCall);
    });
    connect(&m_media, &media::MediaSession::failed, this, [this](const QString &message) { setLastError(message); });
    connect(&m_media, &media::MediaSession::statsUpdated, this, &CallController::statsChanged);
}

CallController::~CallController()
{
    // Media first: its threads must stop before the link and the controller go.
    m_media.stop();
}

Status CallController::connectToHub()
{
    return m_link.start();
}

void CallController::disconnectFromHub()
{
    if (!m_callId.isEmpty() && m_callState >= CallState::Connecting)
        hangUp();
    m_link.stop();
}

QString CallController::statsText() const
{
    QStringList parts;
    for (const auto &stream : m_media.stats().streams) {
        if (stream.direction == media::StreamDirection::Inbound && stream.kind != media::StreamKind::Audio
            && stream.width > 0)
            parts << QStringLiteral("%1 %2×%3 %4 fps %5 kbit/s, lost %6")
                         .arg(media::streamKindName(stream.kind))
                         .arg(stream.width)
                         .arg(stream.height)
                         .arg(stream.framerate, 0, 'f', 0)
                         .arg(stream.bitrate_kbps, 0, 'f', 0)
                         .arg(stream.packetsLost);
        if (stream.direction == media::StreamDirection::Outbound && stream.kind == media::StreamKind::Audio
            && stream.roundTrip_ms)
            parts << QStringLiteral("RTT %1 ms").arg(*stream.roundTrip_ms, 0, 'f', 0);
    }
    return parts.join(QStringLiteral(" · "));
}

void CallController::setCallState(CallState state)
{
    if (m_callState == state)
        return;
    m_callState = state;
    Q_EMIT callStateChanged();
}

void CallController::setLastError(const QString &text)
{
    m_lastError = text;
    if (!text.isEmpty())
        qCWarning(lcClient).noquote() << text;
    Q_EMIT lastErrorChanged();
}

void CallController::onMessage(const Message &message)
{
    const QString callId = message.string(QStringLiteral("call_id"));
    const bool forThisCall = !m_callId.isEmpty() && callId == m_callId;
    switch (message.type()) {
    case MessageType::CallStart:
        return onCallStart(message);
    case MessageType::Sdp:
        if (forThisCall)
            m_media.setRemoteDescription(
                message.string(QStringLiteral("sdp_type")), message.string(QStringLiteral("sdp")));
        return;
    case MessageType::Ice:
        if (forThisCall)
            m_media.addRemoteCandidate(static_cast<int>(message.integer(QStringLiteral("mline"))),
                message.string(QStringLiteral("candidate")));
        return;
    case MessageType::Share:
        if (forThisCall) {
            m_peerSharing = message.boolean(QStringLiteral("active"));
            if (!m_peerSharing)
                m_media.remoteDesktop()->clear();
            Q_EMIT sharingChanged();
        }
        return;
    case MessageType::ShareRequest:
        if (forThisCall)
            setDesktopShared(message.boolean(QStringLiteral("active")));
        return;
    case MessageType::CallEnded:
        if (forThisCall) {
            finishCall(message.string(QStringLiteral("reason")));
            if (message.has(QStringLiteral("next_call_id")))
                Q_EMIT callTransferred(message.string(QStringLiteral("next_call_id")));
        } else
            Q_EMIT roleMessage(message);
        return;
    default:
        Q_EMIT roleMessage(message);
    }
}

void CallController::onCallStart(const Message &message)
{
    m_callId = message.string(QStringLiteral("call_id"));
    m_peerName = message.string(QStringLiteral("peer_name"));
    m_peerSharing = false;
    const bool offerer = message.string(QStringLiteral("sdp_role")) == QLatin1String("offerer");
    setCallState(CallState::Connecting);
    if (auto started = m_media.start(offerer ? media::SdpRole::Offerer : media::SdpRole::Answerer); !started) {
        setLastError(started.error());
        send(makeMessage(MessageType::Hangup,
            {{QStringLiteral("call_id"), m_callId}, {QStringLiteral("reason"), QStringLiteral("media-failed")}}));
        finishCall(QStringLiteral("media-failed"));
    }
}

void CallController::hangUp()
{
    if (m_callId.isEmpty())
        return;
    send(makeMessage(MessageType::Hangup,
        {{QStringLiteral("call_id"), m_callId}, {QStringLiteral("reason"), QStringLiteral("hangup")}}));
    finishCall(QStringLiteral("hangup"));
}

void CallController::setDesktopShared(bool shared)
{
    if (m_callState < CallState::Connecting || shared == m_media.desktopSharing())
        return;
    if (shared) {
        if (auto started = m_media.startDesktopShare(); !started) {
            setLastError(started.error());
            return;
        }
    } else {
        m_media.stopDesktopShare();
    }
    send(makeMessage(MessageType::Share, {{QStringLiteral("call_id"), m_callId}, {QStringLiteral("active"), shared}}));
    Q_EMIT sharingChanged();
}

void CallController::finishCall(const QString &reason)
{
    const QString callId = std::exchange(m_callId, QString());
    if (callId.isEmpty())
        return;
    if (m_media.running()) {
        QJsonObject report{{QStringLiteral("call_id"), callId},
            {QStringLiteral("video_frames"), m_media.remoteVideoFrames()},
            {QStringLiteral("desktop_frames"), m_media.remoteDesktopFrames()},
            {QStringLiteral("audio_packets"), m_media.remoteAudioPackets()},
            {QStringLiteral("srtp_cipher"), m_media.srtpProfile()},
            {QStringLiteral("stats"), m_media.stats().toJson()}};
        if (m_media.firstRemoteVideoFrameAtMs() > 0)
            report.insert(QStringLiteral("first_frame_at_ms"), m_media.firstRemoteVideoFrameAtMs());
        send(makeMessage(MessageType::CallReport, report));
        m_media.stop();
    }
    m_peerName.clear();
    m_peerSharing = false;
    qCInfo(lcClient).noquote() << "call" << callId << "finished:" << reason;
    setCallState(CallState::Idle);
    Q_EMIT sharingChanged();
    Q_EMIT callFinished(callId, reason);
}

} // namespace ventanilla::client
