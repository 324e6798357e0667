// Client link: pinned TLS, authentication, heartbeats, backoff reconnection and resume.
#include "ventanilla/signalling/signalling_client.h"

#include "ventanilla/signalling/logging.h"
#include "ventanilla/signalling/tls.h"

#include <QRandomGenerator>

namespace ventanilla::signalling {
namespace {
constexpr int kOutboxLimit = 200;
// Missing this many heartbeats in a row means the link is dead even if TCP has not noticed.
constexpr int kMissedHeartbeats = 3;
} // namespace

SignallingClient::SignallingClient(ClientOptions options, QObject *parent)
    : QObject(parent), m_options(std::move(options))
{
    m_socket.setMaxAllowedIncomingMessageSize(kMaxMessageBytes);
    m_socket.setMaxAllowedIncomingFrameSize(kMaxMessageBytes);
    connect(&m_socket, &QWebSocket::connected, this, &SignallingClient::onConnected);
    connect(&m_socket, &QWebSocket::disconnected, this, &SignallingClient::onDisconnected);
    connect(&m_socket, &QWebSocket::textMessageReceived, this, &SignallingClient::onText);
    connect(&m_socket, &QWebSocket::sslErrors, this, &SignallingClient::onSslErrors);
    connect(&m_socket, qOverload<QAbstractSocket::SocketError>(&QWebSocket::error), this,
        [this](QAbstractSocket::SocketError) {
            qCWarning(lcSignalling).noquote()
                << "link to" << m_options.hubUrl.toString() << "error:" << m_socket.errorString();
        });
    m_heartbeat.setTimerType(Qt::CoarseTimer);
    connect(&m_heartbeat, &QTimer::timeout, this, &SignallingClient::heartbeat);
    m_reconnect.setSingleShot(true);
    connect(&m_reconnect, &QTimer::timeout, this, &SignallingClient::connectNow);
}

SignallingClient::~SignallingClient()
{
    m_socket.disconnect(this);
    m_socket.abort();
}

Status SignallingClient::start()
{
    auto tls = pinnedClientTlsConfiguration(m_options.pinnedCertificatePath);
    if (!tls)
        return failure(tls.error());
    m_pinned = tls->caCertificates().first();
    m_socket.setSslConfiguration(*tls);
    m_stopping = false;
    connectNow();
    return success();
}

void SignallingClient::stop()
{
    m_stopping = true;
    m_reconnect.stop();
    m_heartbeat.stop();
    if (m_state == LinkState::Online)
        transmit(makeMessage(MessageType::Bye));
    m_socket.close(QWebSocketProtocol::CloseCodeNormal, QStringLiteral("client stopping"));
    setState(LinkState::Offline);
}

QString SignallingClient::stateText() const
{
    switch (m_state) {
    case LinkState::Offline:
        return QStringLiteral("offline");
    case LinkState::Connecting:
        return QStringLiteral("connecting");
    case LinkState::Authenticating:
        return QStringLiteral("authenticating");
    case LinkState::Online:
        return QStringLiteral("online");
    case LinkState::Reconnecting:
        return QStringLiteral("reconnecting");
    case LinkState::Refused:
        return QStringLiteral("refused");
    case LinkState::Unknown:
        break;
    }
    return QStringLiteral("unknown");
}

void SignallingClient::send(const Message &message)
{
    if (m_state == LinkState::Online) {
        transmit(message);
        return;
    }
    if (m_outbox.size() >= kOutboxLimit) {
        qCWarning(lcSignalling) << "outbox full while offline; dropping the oldest message"
                                << typeName(m_outbox.first().type());
        m_outbox.removeFirst();
    }
    m_outbox.append(message);
}

void SignallingClient::transmit(const Message &message)
{
    m_socket.sendTextMessage(QString::fromUtf8(message.serialize()));
}

void SignallingClient::connectNow()
{
    if (m_stopping)
        return;
    setState(m_token.isEmpty() && m_state != LinkState::Reconnecting ? LinkState::Connecting : LinkState::Reconnecting);
    m_socket.open(m_options.hubUrl);
}

void SignallingClient::onSslErrors(const QList<QSslError> &errors)
{
    const QList<QSslError> fatal
        = fatalErrorsForPinnedPeer(errors, m_pinned, m_socket.sslConfiguration().peerCertificate());
    if (fatal.isEmpty()) {
        m_socket.ignoreSslErrors(errors);
        return;
    }
    for (const QSslError &error : fatal)
        qCWarning(lcSignalling).noquote() << "refusing the hub's TLS certificate:" << error.errorString();
    // Not ignoring the errors makes Qt abort the handshake; we reconnect with backoff.
}

void SignallingClient::onConnected()
{
    m_wasConnected = true;
    m_lastReceived.start();
    setState(LinkState::Authenticating);
    if (!m_token.isEmpty()) {
        transmit(makeMessage(MessageType::Resume, {{QStringLiteral("token"), m_token}}));
    } else {
        transmit(makeMessage(MessageType::Hello, m_options.hello));
    }
}

void SignallingClient::onDisconnected()
{
    m_heartbeat.stop();
    if (m_stopping || m_state == LinkState::Refused)
        return;
    if (std::exchange(m_wasConnected, false))
        qCInfo(lcSignalling).noquote() << "link to hub lost:" << m_socket.closeReason();
    scheduleReconnect();
}

void SignallingClient::scheduleReconnect()
{
    m_backoff_ms
        = m_backoff_ms == 0 ? m_options.reconnectInitial_ms : std::min(m_backoff_ms * 2, m_options.reconnectMax_ms);
    // Jitter spreads the reconnections of many kiosks after a hub restart.
    const int delay_ms = m_backoff_ms / 2 + static_cast<int>(QRandomGenerator::global()->bounded(m_backoff_ms / 2 + 1));
    setState(LinkState::Reconnecting);
    qCInfo(lcSignalling) << "reconnecting in" << delay_ms << "ms";
    m_reconnect.start(delay_ms);
}

void SignallingClient::onText(const QString &text)
{
    m_lastReceived.restart();
    auto parsed = parseMessage(text.toUtf8());
    if (auto *error = std::get_if<ProtocolError>(&parsed)) {
        qCWarning(lcSignalling).noquote() << "ignored a bad message from the hub:" << error->code << error->message;
        return;
    }
    const Message &message = std::get<Message>(parsed);
    switch (message.type()) {
    case MessageType::Welcome:
        onWelcome(message);
        return;
    case MessageType::Pong:
        return;
    case MessageType::Ping:
        transmit(makeMessage(MessageType::Pong));
        return;
    case MessageType::Error: {
        const QString code = message.string(QStringLiteral("code"));
        const QString ref = message.string(QStringLiteral("ref"));
        qCWarning(lcSignalling).noquote() << "hub error" << code << message.string(QStringLiteral("message"));
        if (code == errors::kAuthFailed && ref == QLatin1String("resume")) {
            // The grace period ran out: start a fresh session with hello on this same link.
            m_token.clear();
            transmit(makeMessage(MessageType::Hello, m_options.hello));
        } else if (code == errors::kAuthFailed) {
            setState(LinkState::Refused);
            m_socket.close();
        }
        Q_EMIT hubError(code, message.string(QStringLiteral("message")), ref);
        return;
    }
    default:
        Q_EMIT messageReceived(message);
    }
}

void SignallingClient::onWelcome(const Message &message)
{
    m_token = message.string(QStringLiteral("token"));
    m_peerId = message.string(QStringLiteral("peer_id"));
    m_displayName = message.string(QStringLiteral("display_name"));
    m_heartbeat_ms = static_cast<int>(std::clamp<qint64>(message.integer(QStringLiteral("heartbeat_ms")), 500, 60000));
    m_backoff_ms = 0;
    m_heartbeat.start(m_heartbeat_ms);
    setState(LinkState::Online);
    const QList<Message> pending = std::exchange(m_outbox, {});
    for (const Message &queued : pending)
        transmit(queued);
    Q_EMIT welcomed(message.boolean(QStringLiteral("resumed")));
}

void SignallingClient::heartbeat()
{
    if (m_lastReceived.elapsed() > kMissedHeartbeats * m_heartbeat_ms) {
        qCWarning(lcSignalling) << "no word from the hub for" << m_lastReceived.elapsed() << "ms; reconnecting";
        m_socket.abort(); // emits disconnected, which schedules the reconnection
        return;
    }
    transmit(makeMessage(MessageType::Ping));
}

void SignallingClient::setState(LinkState state)
{
    if (m_state == state)
        return;
    m_state = state;
    qCDebug(lcSignalling).noquote() << "link state" << stateText();
    Q_EMIT stateChanged(state);
}

} // namespace ventanilla::signalling
