// The client side of the signalling link, embedded in the kiosk and the console:
// pinned TLS, hello/resume, heartbeats, reconnection with backoff, an outbox while offline.
#pragma once

#include "ventanilla/signalling/protocol.h"

#include <QElapsedTimer>
#include <QObject>
#include <QSslCertificate>
#include <QTimer>
#include <QUrl>
#include <QWebSocket>

namespace ventanilla::signalling {

struct ClientOptions {
    QUrl hubUrl; // wss://host:port/
    QString pinnedCertificatePath; // the hub's certificate (PEM)
    QJsonObject hello; // role and credentials, sent in "hello"
    int reconnectInitial_ms = 250;
    int reconnectMax_ms = 8000;
};

class SignallingClient : public QObject {
    Q_OBJECT
public:
    enum class LinkState { Unknown = 0, Offline, Connecting, Authenticating, Online, Reconnecting, Refused };
    Q_ENUM(LinkState)

    explicit SignallingClient(ClientOptions options, QObject *parent = nullptr);
    ~SignallingClient() override;

    // Fails when the pinned certificate cannot be read; otherwise starts connecting.
    Status start();
    // The role and credentials for the next "hello" (the console learns them at login).
    void setHello(const QJsonObject &hello) { m_options.hello = hello; }
    // Says "bye" when online, then closes; no reconnection after this.
    void stop();
    LinkState state() const { return m_state; }
    QString stateText() const;
    QString peerId() const { return m_peerId; }
    QString displayName() const { return m_displayName; }

    // Sends now when online, else keeps it (up to 200 messages) until the link is back.
    void send(const Message &message);

Q_SIGNALS:
    void stateChanged(ventanilla::signalling::SignallingClient::LinkState state);
    // After a fresh hello (resumed == false) or a resume within the hub's grace period.
    void welcomed(bool resumed);
    void messageReceived(const ventanilla::signalling::Message &message);
    // The hub sent an "error" message; authentication errors also move the state to Refused.
    void hubError(const QString &code, const QString &text, const QString &refType);

private:
    void connectNow();
    void onConnected();
    void onDisconnected();
    void onText(const QString &text);
    void onSslErrors(const QList<QSslError> &errors);
    void onWelcome(const Message &message);
    void heartbeat();
    void setState(LinkState state);
    void scheduleReconnect();
    void transmit(const Message &message);

    ClientOptions m_options;
    QSslCertificate m_pinned;
    QWebSocket m_socket;
    QTimer m_heartbeat;
    QTimer m_reconnect;
    QElapsedTimer m_lastReceived;
    LinkState m_state = LinkState::Offline;
    QString m_token;
    QString m_peerId;
    QString m_displayName;
    int m_heartbeat_ms = 5000;
    int m_backoff_ms = 0;
    bool m_stopping = false;
    bool m_wasConnected = false;
    QList<Message> m_outbox;
};

} // namespace ventanilla::signalling
