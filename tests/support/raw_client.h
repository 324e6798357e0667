// A bare WebSocket client for hub tests: pins the hub's certificate, sends any text and
// records every message the hub sends back.
#pragma once

#include "hub_fixture.h"
#include "test_support.h"

#include "ventanilla/signalling/protocol.h"
#include "ventanilla/signalling/tls.h"

#include <catch2/catch.hpp>

#include <QJsonDocument>
#include <QWebSocket>

namespace ventanilla::test {

using signalling::fatalErrorsForPinnedPeer;
using signalling::Message;
using signalling::pinnedClientTlsConfiguration;

class RawClient {
public:
    explicit RawClient(HubFixture &fixture)
    {
        auto tls = pinnedClientTlsConfiguration(fixture.hubCertificate());
        REQUIRE(tls.ok());
        const QSslCertificate pinned = tls->caCertificates().first();
        m_socket.setSslConfiguration(*tls);
        QObject::connect(&m_socket, &QWebSocket::sslErrors, [this, pinned](const QList<QSslError> &errors) {
            if (fatalErrorsForPinnedPeer(errors, pinned, m_socket.sslConfiguration().peerCertificate()).isEmpty())
                m_socket.ignoreSslErrors(errors);
        });
        QObject::connect(&m_socket, &QWebSocket::textMessageReceived,
            [this](const QString &text) { m_received << QJsonDocument::fromJson(text.toUtf8()).object(); });
        m_socket.open(QUrl(QStringLiteral("wss://127.0.0.1:%1/").arg(fixture.port())));
        REQUIRE(test::waitUntil([this] { return m_socket.state() == QAbstractSocket::ConnectedState; }, 5000));
    }

    void sendRaw(const QByteArray &text) { m_socket.sendTextMessage(QString::fromUtf8(text)); }
    void send(const Message &message) { sendRaw(message.serialize()); }

    // Waits for the next message and returns it.
    QJsonObject next(int timeout_ms = 3000)
    {
        const bool arrived = test::waitUntil([this] { return !m_received.isEmpty(); }, timeout_ms);
        if (!arrived)
            FAIL("no reply from the hub");
        return m_received.takeFirst();
    }
    // The next error, skipping other messages (in this test they come in order, so the error
    // answers the last request that could fail).
    QJsonObject expectError(const QString &code)
    {
        const QJsonObject reply = nextOfType(QStringLiteral("error"));
        INFO(QJsonDocument(reply).toJson().toStdString());
        CHECK(reply.value(QStringLiteral("type")).toString() == QStringLiteral("error"));
        CHECK(reply.value(QStringLiteral("code")).toString() == code);
        CHECK_FALSE(reply.value(QStringLiteral("message")).toString().isEmpty());
        return reply;
    }
    // Waits for the next message of a type, dropping others (welcome, services, tasks…).
    QJsonObject nextOfType(const QString &type, int timeout_ms = 3000)
    {
        QJsonObject found;
        const bool arrived = test::waitUntil(
            [&] {
                while (!m_received.isEmpty()) {
                    QJsonObject message = m_received.takeFirst();
                    if (message.value(QStringLiteral("type")).toString() == type) {
                        found = message;
                        return true;
                    }
                }
                return false;
            },
            timeout_ms);
        if (!arrived)
            FAIL("no " << type.toStdString() << " from the hub");
        return found;
    }
    void clear() { m_received.clear(); }
    // Everything received so far, oldest first.
    QList<QJsonObject> takeAll() { return std::exchange(m_received, {}); }
    bool connected() const { return m_socket.state() == QAbstractSocket::ConnectedState; }
    QWebSocket &socket() { return m_socket; }

private:
    QWebSocket m_socket;
    QList<QJsonObject> m_received;
};

} // namespace ventanilla::test
