// Server-side connection: parse, validate, answer bad input, track liveness.
#include "ventanilla/signalling/peer_link.h"

#include "ventanilla/signalling/logging.h"
#include "ventanilla/signalling/message_schema.h"

namespace ventanilla::signalling {
namespace {
// A peer that sends this many bad messages is broken or hostile: close its link.
constexpr int kMaxRefusals = 20;
} // namespace

PeerLink::PeerLink(QWebSocket *socket, quint64 linkId, QObject *parent)
    : QObject(parent), m_socket(socket), m_linkId(linkId)
{
    m_socket->setParent(this);
    m_socket->setMaxAllowedIncomingMessageSize(kMaxMessageBytes);
    m_socket->setMaxAllowedIncomingFrameSize(kMaxMessageBytes);
    m_lastMessage.start();
    connect(m_socket, &QWebSocket::textMessageReceived, this, &PeerLink::onText);
    connect(m_socket, &QWebSocket::binaryMessageReceived, this, &PeerLink::onBinary);
    connect(m_socket, &QWebSocket::disconnected, this, &PeerLink::disconnected);
}

PeerLink::~PeerLink()
{
    // Disconnect first so closing in the destructor does not signal a half-destroyed object.
    m_socket->disconnect(this);
}

QString PeerLink::remoteAddress() const
{
    return m_socket->peerAddress().toString() + QLatin1Char(':') + QString::number(m_socket->peerPort());
}

bool PeerLink::isOpen() const
{
    return m_socket->state() == QAbstractSocket::ConnectedState;
}

void PeerLink::send(const Message &message)
{
    if (isOpen())
        m_socket->sendTextMessage(QString::fromUtf8(message.serialize()));
}

void PeerLink::sendError(const QString &code, const QString &text, const QString &refType)
{
    send(makeError(code, text, refType));
}

void PeerLink::close(const QString &reason)
{
    m_socket->close(QWebSocketProtocol::CloseCodePolicyViolated, reason.left(120));
}

void PeerLink::onText(const QString &text)
{
    m_lastMessage.restart();
    auto parsed = parseMessage(text.toUtf8());
    if (auto *error = std::get_if<ProtocolError>(&parsed)) {
        refuse(*error);
        return;
    }
    auto &message = std::get<Message>(parsed);
    const MessageSchema *schema = schemaFor(message.type());
    if (schema->direction == Direction::FromHub) {
        refuse({errors::kWrongDirection,
            QStringLiteral("\"%1\" is sent by the hub, not to it").arg(typeName(message.type())),
            typeName(message.type())});
        return;
    }
    if (message.type() == MessageType::Ping) {
        QJsonObject echo;
        if (message.has(QStringLiteral("t")))
            echo.insert(QStringLiteral("t"), message.fields().value(QStringLiteral("t")));
        send(makeMessage(MessageType::Pong, echo));
        return;
    }
    if (message.type() == MessageType::Pong)
        return;
    Q_EMIT messageReceived(message);
}

void PeerLink::onBinary(const QByteArray &bytes)
{
    m_lastMessage.restart();
    refuse({errors::kMalformed,
        QStringLiteral("binary frames are not part of the protocol (%1 bytes ignored)").arg(bytes.size()), {}});
}

void PeerLink::refuse(const ProtocolError &error)
{
    ++m_refusals;
    qCWarning(lcSignalling).noquote() << "link" << m_linkId << remoteAddress() << "refused:" << error.code
                                      << error.message;
    sendError(error.code, error.message, error.refType);
    if (m_refusals >= kMaxRefusals) {
        qCWarning(lcSignalling) << "link" << m_linkId << "closed after" << m_refusals << "bad messages";
        close(QStringLiteral("too many bad messages"));
    }
}

} // namespace ventanilla::signalling
