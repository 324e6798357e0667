// A loopback TCP relay between a client and the hub that a test can cut, to simulate
// a lost network link without touching either side's code.
#pragma once

#include <QList>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>

namespace ventanilla::test {

class TcpProxy : public QObject {
public:
    explicit TcpProxy(quint16 targetPort, QObject *parent = nullptr);
    quint16 port() const { return m_server.serverPort(); }
    // Drops every relayed connection at once (both directions, no TLS close).
    void cut();
    // While refusing, new connections are closed as soon as they arrive.
    void setRefusing(bool refusing) { m_refusing = refusing; }
    int connectionsAccepted() const { return m_accepted; }

private:
    void onConnection();

    QTcpServer m_server;
    quint16 m_targetPort;
    bool m_refusing = false;
    int m_accepted = 0;
    QList<QPair<QPointer<QTcpSocket>, QPointer<QTcpSocket>>> m_pairs;
};

} // namespace ventanilla::test
