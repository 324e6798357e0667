// One client connection as the hub sees it: a WebSocket that speaks validated messages.
// Bad input is answered with an error message and logged; repeated abuse closes the link.
#pragma once

#include "ventanilla/signalling/protocol.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QWebSocket>

namespace ventanilla::signalling {

class PeerLink : public QObject {
    Q_OBJECT
public:
    // Takes ownership of socket.
    PeerLink(QWebSocket *socket, quint64 linkId, QObject *parent = nullptr);
    ~PeerLink() override;

    quint64 linkId() const { return m_linkId; }
    QString remoteAddress() const;
    qint64 msSinceLastMessage() const { return m_lastMessage.elapsed(); }
    void send(const Message &message);
    void sendError(const QString &code, const QString &text, const QString &refType = {});
    // Closes with a WebSocket close code and a reason the peer can show.
    void close(const QString &reason);
    bool isOpen() const;

Q_SIGNALS:
    void messageReceived(const ventanilla::signalling::Message &message);
    void disconnected();

private:
    void onText(const QString &text);
    void onBinary(const QByteArray &bytes);
    void refuse(const ProtocolError &error);

    QWebSocket *m_socket;
    quint64 m_linkId;
    QElapsedTimer m_lastMessage;
    int m_refusals = 0;
};

} // namespace ventanilla::signalling
