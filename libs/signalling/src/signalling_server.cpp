// WebSocket-over-TLS server: accepts links, forwards their messages, reaps idle ones.
#include "ventanilla/signalling/signalling_server.h"

#include "ventanilla/signalling/logging.h"

namespace ventanilla::signalling {

SignallingServer::SignallingServer(QObject *parent)
    : QObject(parent), m_server(QStringLiteral("ventanilla-hub"), QWebSocketServer::SecureMode)
{
    connect(&m_server, &QWebSocketServer::newConnection, this, &SignallingServer::onNewConnection);
    connect(&m_server, &QWebSocketServer::sslErrors, this, [](const QList<QSslError> &errors) {
        for (const auto &error : errors)
            qCWarning(lcSignalling).noquote() << "TLS error on an incoming link:" << error.errorString();
    });
    connect(&m_server, &QWebSocketServer::acceptError, this,
        [](QAbstractSocket::SocketError error) { qCWarning(lcSignalling) << "accept failed:" << error; });
    connect(&m_server, &QWebSocketServer::peerVerifyError, this, [](const QSslError &error) {
        qCWarning(lcSignalling).noquote() << "peer verify error:" << error.errorString();
    });
    // After a hub restart every kiosk reconnects at once. Qt accepts only 30 connections in
    // their TLS and WebSocket handshakes at a time by default; beyond that the listen backlog
    // fills, SYNs are dropped and clients back off for seconds (measured: 1,100 clients took
    // 110 s to get in). Let a whole province's kiosks handshake together.
    m_server.setMaxPendingConnections(2048);
    m_idleCheck.setInterval(1000);
    connect(&m_idleCheck, &QTimer::timeout, this, &SignallingServer::closeIdleLinks);
}

Status SignallingServer::listen(const QHostAddress &address, quint16 port, const QSslConfiguration &tls)
{
    m_server.setSslConfiguration(tls);
    if (!m_server.listen(address, port))
        return failure(
            QStringLiteral("cannot listen on %1:%2: %3").arg(address.toString()).arg(port).arg(m_server.errorString()));
    m_idleCheck.start();
    qCInfo(lcSignalling).noquote()
        << QStringLiteral("listening on wss://%1:%2").arg(address.toString()).arg(m_server.serverPort());
    return success();
}

quint16 SignallingServer::port() const
{
    return m_server.serverPort();
}

void SignallingServer::close()
{
    m_idleCheck.stop();
    m_server.close();
    for (PeerLink *link : findChildren<PeerLink *>(Qt::FindDirectChildrenOnly))
        link->close(QStringLiteral("hub shutting down"));
}

void SignallingServer::onNewConnection()
{
    while (QWebSocket *socket = m_server.nextPendingConnection()) {
        auto *link = new PeerLink(socket, m_nextLinkId++, this);
        qCInfo(lcSignalling).noquote() << "link" << link->linkId() << "opened from" << link->remoteAddress();
        connect(link, &PeerLink::messageReceived, this,
            [this, link](const Message &message) { Q_EMIT linkMessage(link, message); });
        connect(link, &PeerLink::disconnected, this, [this, link] {
            qCInfo(lcSignalling) << "link" << link->linkId() << "closed";
            Q_EMIT linkClosed(link);
            link->deleteLater(); // we are inside the link's own signal
        });
        Q_EMIT linkOpened(link);
    }
}

void SignallingServer::closeIdleLinks()
{
    for (PeerLink *link : findChildren<PeerLink *>(Qt::FindDirectChildrenOnly)) {
        if (link->isOpen() && link->msSinceLastMessage() > m_idleTimeoutMs) {
            qCWarning(lcSignalling) << "link" << link->linkId() << "silent for" << link->msSinceLastMessage()
                                    << "ms; closing";
            link->close(QStringLiteral("heartbeat timeout"));
        }
    }
}

} // namespace ventanilla::signalling
