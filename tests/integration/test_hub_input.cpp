// The hub under bad input over real TLS: every kind of wrong message gets an error reply
// and a log line, leaves no half-made state, and the hub keeps serving others.
#include "hub_fixture.h"
#include "raw_client.h"
#include "test_support.h"

#include "ventanilla/signalling/protocol.h"
#include "ventanilla/signalling/tls.h"

#include <catch2/catch.hpp>

#include <QJsonArray>
#include <QJsonDocument>
#include <QWebSocket>

using namespace ventanilla;
using namespace ventanilla::signalling;

using test::RawClient;

namespace {

Message kioskHello(const test::HubFixture &fixture)
{
    return makeMessage(MessageType::Hello,
        {{QStringLiteral("role"), QStringLiteral("kiosk")}, {QStringLiteral("site_id"), test::kSiteId},
            {QStringLiteral("credential"), fixture.kioskCredential()}});
}

} // namespace

TEST_CASE("messages before hello are refused as not authenticated", "[hub][input]")
{
    test::HubFixture fixture;
    RawClient client(fixture);
    client.send(makeMessage(MessageType::CallRequest, {{QStringLiteral("service"), QStringLiteral("x")}}));
    const QJsonObject reply = client.expectError(errors::kNotAuthenticated);
    CHECK(reply.value(QStringLiteral("ref")).toString() == QStringLiteral("call-request"));
    CHECK(fixture.hub().waitingCallCount() == 0);
    client.send(makeMessage(MessageType::Ping));
    CHECK(client.next().value(QStringLiteral("type")).toString() == QStringLiteral("pong"));
}

TEST_CASE("malformed, unknown, binary and wrong-direction messages get precise errors", "[hub][input]")
{
    test::HubFixture fixture;
    RawClient client(fixture);
    client.sendRaw("{not json");
    client.expectError(errors::kMalformed);
    client.sendRaw(R"({"v":9,"type":"hello"})");
    client.expectError(errors::kUnsupportedVersion);
    client.sendRaw(R"({"v":1,"type":"open-sesame"})");
    client.expectError(errors::kUnknownType);
    client.sendRaw(R"({"v":1,"type":"hello","role":"mayor"})");
    client.expectError(errors::kBadField);
    client.socket().sendBinaryMessage(QByteArray("\x00\x01\x02", 3));
    client.expectError(errors::kMalformed);
    client.send(Message(MessageType::Welcome,
        {{QStringLiteral("peer_id"), QStringLiteral("x")}, {QStringLiteral("display_name"), QStringLiteral("x")},
            {QStringLiteral("token"), QStringLiteral("x")}, {QStringLiteral("heartbeat_ms"), 1},
            {QStringLiteral("grace_ms"), 1}, {QStringLiteral("resumed"), false}}));
    client.expectError(errors::kWrongDirection);
    CHECK(client.connected());
}

TEST_CASE("wrong credentials are refused and logged in the audit trail", "[hub][input]")
{
    test::HubFixture fixture;
    RawClient client(fixture);
    client.send(makeMessage(MessageType::Hello,
        {{QStringLiteral("role"), QStringLiteral("advisor")}, {QStringLiteral("user"), test::kAdvisorUser},
            {QStringLiteral("password"), QStringLiteral("wrong password")}}));
    client.expectError(errors::kAuthFailed);
    client.send(makeMessage(MessageType::Hello,
        {{QStringLiteral("role"), QStringLiteral("kiosk")}, {QStringLiteral("site_id"), test::kSiteId}}));
    client.expectError(errors::kAuthFailed);
    client.send(makeMessage(MessageType::Resume, {{QStringLiteral("token"), QStringLiteral("forged")}}));
    client.expectError(errors::kAuthFailed);
    auto failures = fixture.store().database().prepare(
        QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'login-failed'"));
    REQUIRE(failures.step());
    CHECK(failures.integer(0) == 2);
}

TEST_CASE("out-of-order and out-of-role messages are refused without changing state", "[hub][input]")
{
    test::HubFixture fixture;
    RawClient kiosk(fixture);
    kiosk.send(kioskHello(fixture));
    REQUIRE(kiosk.next().value(QStringLiteral("type")).toString() == QStringLiteral("welcome"));
    // Right after welcome, a kiosk gets the service menu of the charter in force.
    const QJsonObject services = kiosk.next();
    REQUIRE(services.value(QStringLiteral("type")).toString() == QStringLiteral("services"));
    CHECK(services.value(QStringLiteral("charter_version")).toString() == QStringLiteral("2026.1"));
    CHECK(services.value(QStringLiteral("services")).toArray().size() == 6);
    // ...and whether its office is open (a kiosk without an office always is).
    const QJsonObject office = kiosk.next();
    REQUIRE(office.value(QStringLiteral("type")).toString() == QStringLiteral("office-status"));
    CHECK(office.value(QStringLiteral("open")).toBool());
    kiosk.send(makeMessage(MessageType::CallRequest, {{QStringLiteral("service"), QStringLiteral("astrology")}}));
    CHECK(kiosk.expectError(errors::kUnknownService)
              .value(QStringLiteral("message"))
              .toString()
              .contains(QStringLiteral("astrology")));
    kiosk.send(kioskHello(fixture));
    kiosk.expectError(errors::kOutOfOrder);
    kiosk.send(makeMessage(MessageType::CallAccept, {{QStringLiteral("call_id"), QStringLiteral("c")}}));
    kiosk.expectError(errors::kNotAllowed);
    kiosk.send(makeMessage(MessageType::AdvisorState, {{QStringLiteral("state"), QStringLiteral("available")}}));
    kiosk.expectError(errors::kNotAllowed);
    kiosk.send(makeMessage(MessageType::Sdp,
        {{QStringLiteral("call_id"), QStringLiteral("nope")}, {QStringLiteral("sdp_type"), QStringLiteral("offer")},
            {QStringLiteral("sdp"), QStringLiteral("v=0")}}));
    kiosk.expectError(errors::kNoSuchCall);
    kiosk.send(makeMessage(MessageType::Hangup, {{QStringLiteral("call_id"), QStringLiteral("nope")}}));
    kiosk.expectError(errors::kNoSuchCall);
    kiosk.send(makeMessage(MessageType::CallReport,
        {{QStringLiteral("call_id"), QStringLiteral("nope")}, {QStringLiteral("video_frames"), 1},
            {QStringLiteral("desktop_frames"), 0}, {QStringLiteral("audio_packets"), 1},
            {QStringLiteral("srtp_cipher"), QStringLiteral("x")}}));
    kiosk.expectError(errors::kNoSuchCall);

    // A waiting call cannot be negotiated yet, and a second request is refused.
    kiosk.send(makeMessage(MessageType::CallRequest, {{QStringLiteral("service"), QStringLiteral("general")}}));
    const QJsonObject queued = kiosk.next();
    REQUIRE(queued.value(QStringLiteral("type")).toString() == QStringLiteral("call-queued"));
    const QString callId = queued.value(QStringLiteral("call_id")).toString();
    kiosk.send(makeMessage(MessageType::Ice,
        {{QStringLiteral("call_id"), callId}, {QStringLiteral("mline"), 0},
            {QStringLiteral("candidate"), QStringLiteral("candidate:1")}}));
    kiosk.expectError(errors::kOutOfOrder);
    kiosk.send(makeMessage(MessageType::CallRequest, {{QStringLiteral("service"), QStringLiteral("general")}}));
    kiosk.expectError(errors::kOutOfOrder);
    CHECK(fixture.hub().waitingCallCount() == 1);
    CHECK(fixture.store().recentCalls(10).size() == 1);
}

TEST_CASE("an oversized message closes nothing but itself and repeated abuse closes the link", "[hub][input]")
{
    test::HubFixture fixture;
    RawClient client(fixture);
    for (int i = 0; i < 25 && client.connected(); ++i) {
        client.sendRaw("garbage");
        test::spin(20);
    }
    REQUIRE(test::waitUntil([&] { return !client.connected(); }, 5000));

    RawClient big(fixture);
    big.sendRaw(R"({"v":1,"type":"ping","pad":")" + QByteArray(kMaxMessageBytes + 10, 'x') + "\"}");
    // Qt refuses frames over the limit by closing with "too big"; either way the hub lives on.
    test::spin(500);
    RawClient after(fixture);
    after.send(kioskHello(fixture));
    CHECK(after.next().value(QStringLiteral("type")).toString() == QStringLiteral("welcome"));
}

TEST_CASE("a link that stays silent past three heartbeats is closed", "[hub][input]")
{
    test::HubFixture fixture; // heartbeat 1 s
    RawClient client(fixture);
    REQUIRE(test::waitUntil([&] { return !client.connected(); }, 6000));
}
