// The hub's listening side: a WebSocket server on TLS that hands validated messages
// from each PeerLink to its owner and closes links that go silent.
#pragma once

#include "ventanilla/signalling/peer_link.h"

#include <QHostAddress>
#include <QObject>
#include <QSslConfiguration>
#include <QTimer>
#include <QWebSocketServer>

namespace ventanilla::signalling {

class SignallingServer : public QObject {
    Q_OBJECT
public:
    explicit SignallingServer(QObject *parent = nullptr);

    Status listen(const QHostAddress &address, quint16 port, const QSslConfiguration &tls);
    quint16 port() const;
    // A link silent for this long is closed (clients ping every heartbeat).
    void setIdleTimeout(int idle_ms) { m_idleTimeoutMs = idle_ms; }
    void close();

Q_SIGNALS:
    void linkOpened(ventanilla::signalling::PeerLink *link);
    void linkMessage(ventanilla::signalling::PeerLink *link, const ventanilla::signalling::Message &message);
    // Emitted once per link; the link is deleted later, after this returns.
    void linkClosed(ventanilla::signalling::PeerLink *link);

private:
    void onNewConnection();
    void closeIdleLinks();

    QWebSocketServer m_server;
    QTimer m_idleCheck;
    int m_idleTimeoutMs = 15000;
    quint64 m_nextLinkId = 1;
};

} // namespace ventanilla::signalling
