// End to end: a real hub, a console and a kiosk over TLS on loopback. The kiosk calls,
// the advisor answers, media flows both ways, the kiosk's screen is shared on request,
// the call ends and the hub's SQLite database holds it with both sides' reports.
#include "hub_fixture.h"
#include "tcp_proxy.h"
#include "test_support.h"

#include "ventanilla/client/console_controller.h"
#include "ventanilla/client/kiosk_controller.h"
#include "ventanilla/hub/admin.h"

#include <QTimeZone>

#include <catch2/catch.hpp>

#include <QDateTime>
#include <QFile>
#include <QJsonDocument>

using namespace ventanilla;
using client::CallController;
using CallState = CallController::CallState;

namespace {

void logInAvailable(client::ConsoleController &console)
{
    console.logIn(test::kAdvisorUser, test::kAdvisorPassword);
    REQUIRE(test::waitUntil([&] { return console.loggedIn(); }, 10000));
    console.setAvailable(true);
    REQUIRE(test::waitUntil([&] { return console.available(); }, 5000));
}

void connectKiosk(client::KioskController &kiosk)
{
    REQUIRE_OK(kiosk.connectToHub());
    REQUIRE(test::waitUntil([&] { return kiosk.linkState() == QStringLiteral("online"); }, 10000));
}

} // namespace

TEST_CASE("a kiosk calls, the advisor answers, the screen is shared and the call is recorded", "[call]")
{
    test::HubFixture fixture;
    client::ConsoleController console(fixture.consoleConfig());
    client::KioskController kiosk(fixture.kioskConfig());
    logInAvailable(console);
    connectKiosk(kiosk);
    CHECK(kiosk.municipality() == QStringLiteral("El Bonillo"));
    CHECK(console.advisorName() == QStringLiteral("Ana García"));

    kiosk.requestCall(QStringLiteral("padron"));
    REQUIRE(test::waitUntil([&] { return console.callState() == CallState::Ringing; }, 10000));
    CHECK(console.incomingMunicipality() == QStringLiteral("El Bonillo"));
    CHECK(console.incomingService() == QStringLiteral("padron"));
    CHECK(console.incomingServiceName() == QStringLiteral("Certificado de empadronamiento"));
    console.accept();

    const auto describe = [&] {
        return QStringLiteral(
            "kiosk %1 %2, console %3 %4; video frames k %5 c %6; desktop frames c %7; errors: %8 | %9")
            .arg(int(kiosk.callState()))
            .arg(kiosk.media().connectionState())
            .arg(int(console.callState()))
            .arg(console.media().connectionState())
            .arg(kiosk.media().remoteVideoFrames())
            .arg(console.media().remoteVideoFrames())
            .arg(console.media().remoteDesktopFrames())
            .arg(kiosk.lastError(), console.lastError())
            .toStdString();
    };
    REQUIRE_EVENTUALLY(
        kiosk.callState() == CallState::InCall && console.callState() == CallState::InCall, 15000, describe());
    REQUIRE(test::waitUntil(
        [&] {
            return kiosk.media().remoteVideoFrames() > 20 && console.media().remoteVideoFrames() > 20
                && kiosk.media().remoteAudioPackets() > 40 && console.media().remoteAudioPackets() > 40;
        },
        20000));
    CHECK(kiosk.peerName() == QStringLiteral("Ana García"));
    CHECK(console.peerName() == QStringLiteral("El Bonillo"));

    console.requestKioskScreen(true);
    REQUIRE_EVENTUALLY(console.peerSharingDesktop() && console.media().remoteDesktopFrames() > 10, 15000, describe());
    CHECK(kiosk.sharingDesktop());
    console.requestKioskScreen(false);
    REQUIRE(test::waitUntil([&] { return !console.peerSharingDesktop(); }, 5000));
    CHECK_FALSE(kiosk.sharingDesktop());

    // The advisor can show their own screen to the citizen the same way.
    console.setDesktopShared(true);
    REQUIRE(
        test::waitUntil([&] { return kiosk.peerSharingDesktop() && kiosk.media().remoteDesktopFrames() > 5; }, 15000));
    console.setDesktopShared(false);
    REQUIRE(test::waitUntil([&] { return !kiosk.peerSharingDesktop(); }, 5000));
    CHECK(kiosk.media().wirePlaintextLeaks() == 0);
    CHECK(console.media().wirePlaintextLeaks() == 0);

    const QString callId = kiosk.callId();
    kiosk.hangUp();
    REQUIRE(test::waitUntil(
        [&] { return kiosk.callState() == CallState::Idle && console.callState() == CallState::Idle; }, 5000));
    REQUIRE(test::waitUntil([&] { return fixture.store().callReports(callId).size() == 2; }, 5000));

    const auto summary = hub::admin::callSummary(fixture.store(), callId);
    REQUIRE(summary.ok());
    INFO(QJsonDocument(*summary).toJson().toStdString());
    CHECK(summary->value(QStringLiteral("session_recorded")).toBool());
    CHECK(summary->value(QStringLiteral("frames_kiosk_to_console")).toInteger() > 20);
    CHECK(summary->value(QStringLiteral("frames_console_to_kiosk")).toInteger() > 20);
    CHECK(summary->value(QStringLiteral("desktop_frames")).toInteger() > 10);
    CHECK(summary->value(QStringLiteral("srtp_cipher")).toString().startsWith(QStringLiteral("SRTP_")));
    CHECK(summary->value(QStringLiteral("setup_ms")).toInteger() > 0);
    const auto record = fixture.store().call(callId);
    REQUIRE(record);
    CHECK(record->endReason == QStringLiteral("hangup"));
    CHECK(record->service == QStringLiteral("padron"));
}

TEST_CASE("the advisor can decline and the citizen waits for the next advisor", "[call]")
{
    test::HubFixture fixture;
    client::ConsoleController console(fixture.consoleConfig());
    client::KioskController kiosk(fixture.kioskConfig());
    logInAvailable(console);
    connectKiosk(kiosk);
    kiosk.requestCall();
    REQUIRE(test::waitUntil([&] { return console.callState() == CallState::Ringing; }, 10000));
    console.decline();
    REQUIRE(test::waitUntil([&] { return fixture.hub().waitingCallCount() == 1; }, 5000));
    // Declined by the only advisor: the call waits, first in the queue.
    CHECK(kiosk.callState() == CallState::Waiting);
    CHECK(kiosk.queuePosition() == 1);
    CHECK(fixture.hub().waitingCallCount() == 1);
    kiosk.cancelRequest();
    REQUIRE(test::waitUntil([&] { return fixture.hub().waitingCallCount() == 0; }, 5000));
    const auto calls = fixture.store().recentCalls(1);
    REQUIRE(calls.size() == 1);
    CHECK(calls.first().endReason == QStringLiteral("abandoned"));
}

TEST_CASE("an unanswered offer times out, the advisor goes away and the citizen keeps waiting", "[call]")
{
    test::HubFixture fixture(30000, 1000);
    client::ConsoleController console(fixture.consoleConfig());
    client::KioskController kiosk(fixture.kioskConfig());
    logInAvailable(console);
    connectKiosk(kiosk);
    kiosk.requestCall();
    REQUIRE(test::waitUntil([&] { return console.callState() == CallState::Ringing; }, 10000));
    REQUIRE(test::waitUntil([&] { return console.callState() == CallState::Idle && !console.available(); }, 5000));
    CHECK(kiosk.callState() == CallState::Waiting);
    // The advisor comes back: the same citizen is offered again.
    console.setAvailable(true);
    REQUIRE(test::waitUntil([&] { return console.callState() == CallState::Ringing; }, 5000));
}

TEST_CASE("a kiosk that loses its link resumes its place within the grace period", "[call][link]")
{
    test::HubFixture fixture;
    test::TcpProxy proxy(fixture.port());
    client::ConsoleController console(fixture.consoleConfig());
    client::KioskController kiosk(fixture.kioskConfig(proxy.port()));
    connectKiosk(kiosk);
    kiosk.requestCall();
    REQUIRE(test::waitUntil([&] { return kiosk.queuePosition() == 1; }, 5000));

    proxy.cut();
    REQUIRE(test::waitUntil([&] { return kiosk.linkState() != QStringLiteral("online"); }, 5000));
    REQUIRE(test::waitUntil([&] { return kiosk.linkState() == QStringLiteral("online"); }, 10000));
    CHECK(proxy.connectionsAccepted() >= 2);
    CHECK(fixture.hub().waitingCallCount() == 1);
    CHECK(kiosk.callState() == CallState::Waiting);

    // The session, and its place in the queue, survived: the advisor gets the same call.
    const QString callId = kiosk.callId();
    logInAvailable(console);
    REQUIRE(test::waitUntil([&] { return console.callState() == CallState::Ringing; }, 10000));
    CHECK(console.callId() == callId);
}

TEST_CASE("a kiosk that stays away past the grace period loses its call", "[call][link]")
{
    test::HubFixture fixture(500);
    test::TcpProxy proxy(fixture.port());
    client::KioskController kiosk(fixture.kioskConfig(proxy.port()));
    connectKiosk(kiosk);
    kiosk.requestCall();
    REQUIRE(test::waitUntil([&] { return kiosk.queuePosition() == 1; }, 5000));
    const QString callId = kiosk.callId();

    proxy.setRefusing(true);
    proxy.cut();
    REQUIRE(test::waitUntil([&] { return fixture.hub().waitingCallCount() == 0; }, 5000));
    const auto record = fixture.store().call(callId);
    REQUIRE(record);
    CHECK(record->endReason == QStringLiteral("link-lost"));

    // Back on the network, the kiosk starts a fresh session by itself.
    proxy.setRefusing(false);
    REQUIRE(test::waitUntil([&] { return kiosk.linkState() == QStringLiteral("online"); }, 15000));
}

TEST_CASE("a client refuses a hub whose certificate is not the pinned one", "[call][tls]")
{
    test::HubFixture fixture;
    test::HubFixture impostor; // another hub with its own demo PKI
    client::KioskConfig config = fixture.kioskConfig(impostor.port());
    client::KioskController kiosk(config);
    REQUIRE_OK(kiosk.connectToHub());
    test::spin(1500);
    CHECK(kiosk.linkState() != QStringLiteral("online"));
    CHECK(impostor.store().recentCalls(1).isEmpty());
}

TEST_CASE("a kiosk with a wrong credential is refused and says so", "[call][auth]")
{
    test::HubFixture fixture;
    client::KioskConfig config = fixture.kioskConfig();
    config.credential = QStringLiteral("not-the-credential");
    client::KioskController kiosk(config);
    REQUIRE_OK(kiosk.connectToHub());
    REQUIRE(test::waitUntil([&] { return kiosk.linkState() == QStringLiteral("refused"); }, 5000));
    CHECK_FALSE(kiosk.lastError().isEmpty());
}

TEST_CASE("a new charter reaches online kiosks and each call records the version in force", "[call][charter]")
{
    test::HubFixture fixture;
    client::KioskController kiosk(fixture.kioskConfig());
    connectKiosk(kiosk);
    REQUIRE(test::waitUntil([&] { return kiosk.charterVersion() == QStringLiteral("2026.1"); }, 5000));
    CHECK(kiosk.services()->rowCount() == 6);
    CHECK(kiosk.services()->data(kiosk.services()->index(0), client::ServiceMenuModel::NameRole).toString()
        == QStringLiteral("Certificado de empadronamiento"));

    // The citizen opens the menu; choosing a service leaves it and queues the call.
    kiosk.openServiceMenu();
    CHECK(kiosk.choosingService());
    kiosk.closeServiceMenu();
    CHECK_FALSE(kiosk.choosingService());

    QFile sample(QStringLiteral(VENTANILLA_SOURCE_DIR "/resources/charter/albacete.charter"));
    REQUIRE(sample.open(QIODevice::ReadOnly));
    const QString path = fixture.dataDirectory() + QStringLiteral("/2026.2.charter");
    QFile next(path);
    REQUIRE(next.open(QIODevice::WriteOnly));
    next.write(QString::fromUtf8(sample.readAll())
                   .replace(QStringLiteral("version = 2026.1"), QStringLiteral("version = 2026.2"))
                   .toUtf8());
    next.close();
    REQUIRE_OK(hub::admin::importCharter(fixture.store(), path));
    fixture.hub().reloadCharter(); // the hub also checks by itself every 10 s
    REQUIRE(test::waitUntil([&] { return kiosk.charterVersion() == QStringLiteral("2026.2"); }, 5000));

    kiosk.openServiceMenu();
    kiosk.requestCall(QStringLiteral("padron"));
    CHECK_FALSE(kiosk.choosingService());
    REQUIRE(test::waitUntil([&] { return kiosk.queuePosition() == 1; }, 5000));
    const auto call = fixture.store().call(kiosk.callId());
    REQUIRE(call);
    REQUIRE(call->charterVersionId.has_value());
    CHECK(*call->charterVersionId == fixture.store().activeCharter()->id);
}

TEST_CASE("a kiosk in a closed office is told so and cannot call until it opens", "[call][offices]")
{
    test::HubFixture fixture;
    REQUIRE_OK(hub::admin::addOffice(fixture.store(), QStringLiteral("02016"), QStringLiteral("El Bonillo"),
        QStringLiteral("Plaza Mayor 1"), QString())); // no hours yet: closed
    REQUIRE_OK(hub::admin::attachKiosk(fixture.store(), test::kSiteId, QStringLiteral("02016")));
    client::KioskController kiosk(fixture.kioskConfig());
    connectKiosk(kiosk);
    REQUIRE(test::waitUntil([&] { return !kiosk.officeOpen(); }, 5000));
    CHECK(kiosk.nextOpening().isEmpty());
    kiosk.openServiceMenu();
    CHECK_FALSE(kiosk.choosingService());

    // A request that slips through anyway is refused, and nothing is queued or recorded.
    kiosk.requestCall(QStringLiteral("padron"));
    REQUIRE(test::waitUntil([&] { return kiosk.callState() == CallState::Idle; }, 5000));
    CHECK(kiosk.lastError().contains(QStringLiteral("closed")));
    CHECK(fixture.hub().waitingCallCount() == 0);
    CHECK(fixture.store().recentCalls(1).isEmpty());

    // Open from tomorrow at 09:00 (Madrid): still closed, and the kiosk says when it opens.
    const QDate tomorrow = QDateTime::currentDateTimeUtc().toTimeZone(QTimeZone("Europe/Madrid")).date().addDays(1);
    const QString day
        = QStringList{QStringLiteral("mon"), QStringLiteral("tue"), QStringLiteral("wed"), QStringLiteral("thu"),
            QStringLiteral("fri"), QStringLiteral("sat"), QStringLiteral("sun")}[tomorrow.dayOfWeek() - 1];
    REQUIRE_OK(
        hub::admin::setOpeningHours(fixture.store(), QStringLiteral("02016"), day + QStringLiteral(" 09:00-14:00")));
    fixture.hub().checkOfficeHours();
    REQUIRE(test::waitUntil([&] { return !kiosk.nextOpening().isEmpty(); }, 5000));
    CHECK(kiosk.nextOpening().endsWith(QStringLiteral("09:00")));
    CHECK_FALSE(kiosk.officeOpen());
}

TEST_CASE("a citizen rings the advisor who has the service's skill", "[call][routing]")
{
    test::HubFixture fixture;
    REQUIRE_OK(hub::admin::addAdvisor(
        fixture.store(), QStringLiteral("luis"), QStringLiteral("Luis Pérez"), test::kAdvisorPassword));
    REQUIRE_OK(hub::admin::setSkills(fixture.store(), test::kAdvisorUser, QStringLiteral("ayudas")));
    REQUIRE_OK(hub::admin::setSkills(fixture.store(), QStringLiteral("luis"), QStringLiteral("padron:2,registro")));
    CHECK_FALSE(hub::admin::setSkills(fixture.store(), QStringLiteral("luis"), QStringLiteral("padron:0")).ok());
    CHECK_FALSE(hub::admin::setSkills(fixture.store(), QStringLiteral("nobody"), QStringLiteral("padron")).ok());

    client::ConsoleController ana(fixture.consoleConfig());
    logInAvailable(ana); // she has been waiting longest, but she does not do padrón
    client::ConsoleConfig luisConfig = fixture.consoleConfig();
    luisConfig.user = QStringLiteral("luis");
    client::ConsoleController luis(luisConfig);
    luis.logIn(QStringLiteral("luis"), test::kAdvisorPassword);
    REQUIRE(test::waitUntil([&] { return luis.loggedIn(); }, 10000));
    luis.setAvailable(true);
    REQUIRE(test::waitUntil([&] { return luis.available(); }, 5000));

    client::KioskController kiosk(fixture.kioskConfig());
    connectKiosk(kiosk);
    kiosk.requestCall(QStringLiteral("padron"));
    REQUIRE(test::waitUntil([&] { return luis.callState() == CallState::Ringing; }, 10000));
    CHECK(ana.callState() == CallState::Idle);
    luis.decline();
    // Nobody else has the skill and padrón overflows only after a minute: the citizen waits.
    test::spin(1500);
    CHECK(ana.callState() == CallState::Idle);
    CHECK(kiosk.callState() == CallState::Waiting);
}

TEST_CASE("after a call the advisor wraps up, and no citizen rings during a break", "[call][advisors]")
{
    test::HubFixture fixture(30000, 20000, 2);
    client::ConsoleController console(fixture.consoleConfig());
    client::KioskController kiosk(fixture.kioskConfig());
    logInAvailable(console);
    connectKiosk(kiosk);

    kiosk.requestCall(QStringLiteral("general"));
    REQUIRE(test::waitUntil([&] { return console.callState() == CallState::Ringing; }, 10000));
    console.accept();
    REQUIRE(test::waitUntil([&] { return console.callState() == CallState::InCall; }, 15000));
    const QString firstCall = kiosk.callId();
    kiosk.hangUp();
    REQUIRE(test::waitUntil([&] { return console.advisorState() == QStringLiteral("wrap-up"); }, 5000));
    CHECK(console.wrapUpUntilMs() > QDateTime::currentMSecsSinceEpoch());

    // The next citizen waits while the advisor wraps up, then rings when wrap-up ends by itself.
    kiosk.requestCall(QStringLiteral("general"));
    REQUIRE(test::waitUntil([&] { return kiosk.queuePosition() == 1; }, 5000));
    CHECK(console.callState() == CallState::Idle);
    REQUIRE(test::waitUntil([&] { return console.callState() == CallState::Ringing; }, 5000));
    const auto first = fixture.store().call(firstCall);
    REQUIRE(first);
    CHECK(fixture.store()
              .database()
              .prepare(QStringLiteral("SELECT wrap_up_ended_at_ms IS NOT NULL FROM calls WHERE id = ?"))
              .bind(1, firstCall)
              .step());

    // A break with a reason: the ringing call is passed on and nobody rings until the advisor is back.
    console.takeBreak(QStringLiteral("Comida"));
    REQUIRE(test::waitUntil([&] { return console.advisorState() == QStringLiteral("break"); }, 5000));
    CHECK(console.stateReason() == QStringLiteral("Comida"));
    REQUIRE(test::waitUntil([&] { return console.callState() == CallState::Idle; }, 5000));
    test::spin(1200);
    CHECK(console.callState() == CallState::Idle);
    CHECK(kiosk.callState() == CallState::Waiting);
    console.setAvailable(true);
    REQUIRE(test::waitUntil([&] { return console.callState() == CallState::Ringing; }, 5000));

    // Every change is in the state log, for occupancy.
    QStringList states;
    for (const auto &change :
        fixture.store().advisorStateLog(fixture.store().advisorByUsername(test::kAdvisorUser)->id))
        states << change.state;
    INFO(states.join(QLatin1Char(' ')).toStdString());
    CHECK(states.mid(0, 6)
        == QStringList{QStringLiteral("away"), QStringLiteral("available"), QStringLiteral("offered"),
            QStringLiteral("in-call"), QStringLiteral("wrap-up"), QStringLiteral("available")});
    CHECK(states.contains(QStringLiteral("break")));
}

TEST_CASE("a waiting citizen is told the expected wait, from who can attend them", "[call][wait]")
{
    test::HubFixture fixture;
    client::ConsoleController console(fixture.consoleConfig());
    client::KioskController first(fixture.kioskConfig());
    client::KioskController next(fixture.addKiosk(QStringLiteral("ossa"), QStringLiteral("Ossa de Montiel")));
    connectKiosk(first);
    connectKiosk(next);

    // Nobody at work: the place in the queue, but no estimate.
    next.requestCall(QStringLiteral("general"));
    REQUIRE(test::waitUntil([&] { return next.queuePosition() == 1; }, 5000));
    CHECK(next.estimatedWait_s() == -1);
    next.cancelRequest();

    // One advisor, busy with the first citizen: the next waits one average call of the
    // service (the charter's 360 s for "general" until real calls say otherwise).
    logInAvailable(console);
    first.requestCall(QStringLiteral("general"));
    REQUIRE(test::waitUntil([&] { return console.callState() == CallState::Ringing; }, 10000));
    console.accept();
    REQUIRE(test::waitUntil([&] { return console.callState() == CallState::InCall; }, 15000));
    next.requestCall(QStringLiteral("general"));
    REQUIRE(test::waitUntil([&] { return next.estimatedWait_s() >= 0; }, 5000));
    CHECK(next.queuePosition() == 1);
    CHECK(next.estimatedWait_s() == 360);

    // When the advisor is free the wait is over: the citizen rings at once.
    first.hangUp();
    REQUIRE(test::waitUntil([&] { return console.callState() == CallState::Ringing; }, 10000));
}

TEST_CASE("a preferred citizen goes ahead, but not of someone who waited longer than the boost", "[call][priority]")
{
    test::HubFixture fixture;
    client::KioskController early(fixture.kioskConfig());
    client::KioskController preferred(fixture.addKiosk(QStringLiteral("ossa"), QStringLiteral("Ossa de Montiel")));
    connectKiosk(early);
    connectKiosk(preferred);

    early.requestCall(QStringLiteral("general"));
    REQUIRE(test::waitUntil([&] { return early.queuePosition() == 1; }, 5000));
    preferred.requestCall(QStringLiteral("general"), true);
    REQUIRE(test::waitUntil([&] { return preferred.queuePosition() == 1 && early.queuePosition() == 2; }, 5000));
    CHECK(fixture.store().call(preferred.callId())->preferred);
    CHECK_FALSE(fixture.store().call(early.callId())->preferred);
}

TEST_CASE("the preferred boost is bounded, so nobody starves", "[call][priority]")
{
    ventanilla::ConfigFile file = ventanilla::ConfigFile::fromText(QStringLiteral("[hub]\npreferred_boost_s = 1\n"));
    CHECK(hub::readHubConfig(file, QStringLiteral("/tmp")).preferredBoost_s == 1);

    test::HubFixture fixture(30000, 20000, 0, 1); // a one-second boost
    client::KioskController early(fixture.kioskConfig());
    client::KioskController preferred(fixture.addKiosk(QStringLiteral("ossa"), QStringLiteral("Ossa de Montiel")));
    connectKiosk(early);
    connectKiosk(preferred);
    early.requestCall(QStringLiteral("general"));
    REQUIRE(test::waitUntil([&] { return early.queuePosition() == 1; }, 5000));
    test::spin(1500); // the early citizen has now waited longer than the boost
    preferred.requestCall(QStringLiteral("general"), true);
    REQUIRE(test::waitUntil([&] { return preferred.queuePosition() == 2; }, 5000));
    CHECK(early.queuePosition() == 1);
}

TEST_CASE("a hub restart loses no waiting citizen and counts no call twice", "[call][restart]")
{
    test::HubFixture fixture;
    client::KioskController kiosk(fixture.kioskConfig());
    connectKiosk(kiosk);
    kiosk.requestCall(QStringLiteral("general"));
    REQUIRE(test::waitUntil([&] { return kiosk.queuePosition() == 1; }, 5000));
    const QString callId = kiosk.callId();

    fixture.restart(); // the same database and port; every session is gone
    REQUIRE(test::waitUntil([&] { return kiosk.linkState() != QStringLiteral("online"); }, 5000));
    REQUIRE(test::waitUntil([&] { return kiosk.linkState() == QStringLiteral("online"); }, 15000));
    REQUIRE(test::waitUntil([&] { return fixture.hub().waitingCallCount() == 1; }, 5000));
    REQUIRE(test::waitUntil([&] { return kiosk.queuePosition() == 1; }, 5000));
    CHECK(kiosk.callId() == callId);
    CHECK(kiosk.callState() == CallState::Waiting);
    CHECK(fixture.store().recentCalls(10).size() == 1);

    // The citizen is offered to the next advisor as the same call.
    client::ConsoleController console(fixture.consoleConfig());
    logInAvailable(console);
    REQUIRE(test::waitUntil([&] { return console.callState() == CallState::Ringing; }, 10000));
    CHECK(console.callId() == callId);
}
