// Appointments (cita previa) and call-backs through the real hub over TLS: booking with slot
// capacity, check-in to the head of the queue at the appointment's time, no-shows, and
// call-backs kept as tasks that advisors take and close.
#include "hub_fixture.h"
#include "raw_client.h"

#include "ventanilla/client/kiosk_controller.h"
#include "ventanilla/hub/admin.h"

#include <QJsonArray>

using namespace ventanilla;
using namespace ventanilla::signalling;
using test::RawClient;

namespace {

const QString kAlwaysOpen = QStringLiteral("mon-sun 00:00-24:00");

Message kioskHello(const QString &siteId, const QString &credential)
{
    return makeMessage(MessageType::Hello,
        {{QStringLiteral("role"), QStringLiteral("kiosk")}, {QStringLiteral("site_id"), siteId},
            {QStringLiteral("credential"), credential}});
}

Message advisorHello(const QString &user, const QString &password)
{
    return makeMessage(MessageType::Hello,
        {{QStringLiteral("role"), QStringLiteral("advisor")}, {QStringLiteral("user"), user},
            {QStringLiteral("password"), password}});
}

// The fixture's kiosk stands in El Bonillo's office (INE 02016), open round the clock.
void attachToOffice(test::HubFixture &fixture, const QString &siteId = test::kSiteId)
{
    if (!fixture.store().officeByIneCode(QStringLiteral("02016")))
        REQUIRE_OK(hub::admin::addOffice(fixture.store(), QStringLiteral("02016"), QStringLiteral("El Bonillo"),
            QStringLiteral("Plaza Mayor 1"), kAlwaysOpen));
    REQUIRE_OK(hub::admin::attachKiosk(fixture.store(), siteId, QStringLiteral("02016")));
}

// An appointment put straight into the database, at any time (booking only offers slots).
QString appointmentAt(test::HubFixture &fixture, qint64 startsAtMs, const QString &code)
{
    const auto office = fixture.store().officeByIneCode(QStringLiteral("02016"));
    REQUIRE(office);
    const auto booked = fixture.store().bookAppointment({.code = code,
                                                            .officeId = office->id,
                                                            .service = QStringLiteral("general"),
                                                            .startsAtMs = startsAtMs,
                                                            .citizenPhone = QStringLiteral("600111222"),
                                                            .bookedAtMs = store::nowMs(),
                                                            .bookedBy = QStringLiteral("test")},
        99);
    REQUIRE(booked == store::Store::Booking::Booked);
    return code;
}

QString status(test::HubFixture &fixture, const QString &code)
{
    const auto appointment = fixture.store().appointmentByCode(code);
    return appointment ? appointment->status : QStringLiteral("missing");
}

} // namespace

TEST_CASE("a kiosk lists free slots, books one until it is full, and bad bookings are refused", "[hub][appointments]")
{
    test::HubFixture fixture;
    attachToOffice(fixture);
    RawClient kiosk(fixture);
    kiosk.send(kioskHello(test::kSiteId, fixture.kioskCredential()));
    CHECK(kiosk.nextOfType(QStringLiteral("office-status")).value(QStringLiteral("appointments")).toBool());

    kiosk.send(
        makeMessage(MessageType::AppointmentSlotsRequest, {{QStringLiteral("service"), QStringLiteral("padron")}}));
    const QJsonArray slots
        = kiosk.nextOfType(QStringLiteral("appointment-slots")).value(QStringLiteral("slots")).toArray();
    REQUIRE(slots.size() == 240);
    const qint64 first = slots.first().toObject().value(QStringLiteral("starts_at_ms")).toInteger();
    CHECK(first > store::nowMs());
    CHECK(first - store::nowMs() <= 15 * 60 * 1000);
    // An hour ahead or more, so checking in now is too early.
    qint64 later = 0;
    for (const auto &slot : slots) {
        const qint64 at = slot.toObject().value(QStringLiteral("starts_at_ms")).toInteger();
        if (at > store::nowMs() + 3600 * 1000) {
            later = at;
            break;
        }
    }
    REQUIRE(later > 0);
    const auto bookLater = [&](const QString &phone) {
        kiosk.send(makeMessage(MessageType::AppointmentBook,
            {{QStringLiteral("service"), QStringLiteral("padron")}, {QStringLiteral("starts_at_ms"), later},
                {QStringLiteral("phone"), phone}, {QStringLiteral("name"), QStringLiteral("Lucía Martín")}}));
    };
    bookLater(QStringLiteral("+34 967 123 456"));
    const QJsonObject booked = kiosk.nextOfType(QStringLiteral("appointment-booked"));
    const QString code = booked.value(QStringLiteral("code")).toString();
    CHECK(code.size() == 6);
    CHECK(booked.value(QStringLiteral("starts_at_ms")).toInteger() == later);
    const auto stored = fixture.store().appointmentByCode(code);
    REQUIRE(stored);
    CHECK(stored->citizenPhone == QStringLiteral("+34967123456"));
    CHECK(stored->citizenName == QStringLiteral("Lucía Martín"));
    CHECK(stored->bookedBy == QStringLiteral("kiosk:") + test::kSiteId);

    bookLater(QStringLiteral("600000002")); // the second and last place (2 per slot)
    kiosk.nextOfType(QStringLiteral("appointment-booked"));
    bookLater(QStringLiteral("600000003"));
    kiosk.expectError(QStringLiteral("slot-full"));
    // The full slot is no longer offered.
    kiosk.send(
        makeMessage(MessageType::AppointmentSlotsRequest, {{QStringLiteral("service"), QStringLiteral("padron")}}));
    for (const auto &slot :
        kiosk.nextOfType(QStringLiteral("appointment-slots")).value(QStringLiteral("slots")).toArray())
        CHECK(slot.toObject().value(QStringLiteral("starts_at_ms")).toInteger() != later);

    SECTION("a time that is not a slot, a bad phone and an unknown service are refused")
    {
        kiosk.send(makeMessage(MessageType::AppointmentBook,
            {{QStringLiteral("service"), QStringLiteral("padron")}, {QStringLiteral("starts_at_ms"), later + 60000},
                {QStringLiteral("phone"), QStringLiteral("600000004")}}));
        kiosk.expectError(QStringLiteral("bad-field"));
        kiosk.send(makeMessage(MessageType::AppointmentBook,
            {{QStringLiteral("service"), QStringLiteral("padron")}, {QStringLiteral("starts_at_ms"), first},
                {QStringLiteral("phone"), QStringLiteral("call me")}}));
        kiosk.expectError(QStringLiteral("bad-field"));
        kiosk.send(makeMessage(MessageType::AppointmentBook,
            {{QStringLiteral("service"), QStringLiteral("astrology")}, {QStringLiteral("starts_at_ms"), first},
                {QStringLiteral("phone"), QStringLiteral("600000004")}}));
        kiosk.expectError(QStringLiteral("unknown-service"));
        CHECK(fixture.store().bookedPerSlot(stored->officeId, 0, later * 2).value(first) == 0);
    }
    SECTION("checking in an hour early, with a wrong code or at another office is refused")
    {
        kiosk.send(makeMessage(MessageType::CheckIn, {{QStringLiteral("code"), code}}));
        kiosk.expectError(QStringLiteral("too-early"));
        kiosk.send(makeMessage(MessageType::CheckIn, {{QStringLiteral("code"), QStringLiteral("12345x")}}));
        kiosk.expectError(QStringLiteral("no-such-appointment"));
        CHECK(status(fixture, code) == QStringLiteral("booked"));

        const auto other = fixture.addKiosk(QStringLiteral("ossa"), QStringLiteral("Ossa de Montiel"));
        REQUIRE_OK(hub::admin::addOffice(
            fixture.store(), QStringLiteral("02057"), QStringLiteral("Ossa de Montiel"), QString(), kAlwaysOpen));
        REQUIRE_OK(hub::admin::attachKiosk(fixture.store(), QStringLiteral("ossa"), QStringLiteral("02057")));
        RawClient elsewhere(fixture);
        elsewhere.send(kioskHello(QStringLiteral("ossa"), other.credential));
        elsewhere.nextOfType(QStringLiteral("welcome"));
        elsewhere.send(makeMessage(MessageType::CheckIn, {{QStringLiteral("code"), code}}));
        elsewhere.expectError(QStringLiteral("no-such-appointment"));
    }
}

TEST_CASE("a citizen who checks in early waits as a walk-in and goes to the head at their time", "[hub][appointments]")
{
    test::HubFixture fixture;
    attachToOffice(fixture);
    const auto walkInConfig = fixture.addKiosk(QStringLiteral("ossa"), QStringLiteral("Ossa de Montiel"));
    attachToOffice(fixture, QStringLiteral("ossa"));

    RawClient walkIn(fixture);
    walkIn.send(kioskHello(QStringLiteral("ossa"), walkInConfig.credential));
    walkIn.nextOfType(QStringLiteral("welcome"));
    walkIn.send(makeMessage(MessageType::CallRequest, {{QStringLiteral("service"), QStringLiteral("general")}}));
    CHECK(walkIn.nextOfType(QStringLiteral("call-queued")).value(QStringLiteral("position")).toInt() == 1);

    const qint64 startsAt = store::nowMs() + 2500;
    const QString code = appointmentAt(fixture, startsAt, QStringLiteral("424242"));
    RawClient withAppointment(fixture);
    withAppointment.send(kioskHello(test::kSiteId, fixture.kioskCredential()));
    withAppointment.nextOfType(QStringLiteral("welcome"));
    withAppointment.send(makeMessage(MessageType::CheckIn, {{QStringLiteral("code"), code}}));
    const QJsonObject queued = withAppointment.nextOfType(QStringLiteral("call-queued"));
    CHECK(queued.value(QStringLiteral("position")).toInt() == 2); // early: behind who came first
    CHECK(queued.value(QStringLiteral("appointment_at_ms")).toInteger() == startsAt);
    CHECK(status(fixture, code) == QStringLiteral("checked-in"));
    const QString callId = queued.value(QStringLiteral("call_id")).toString();
    CHECK(fixture.store().appointmentByCode(code)->callId == callId);

    // At its time the appointment moves to the head; the walk-in learns they are second.
    CHECK(
        withAppointment.nextOfType(QStringLiteral("call-queued"), 6000).value(QStringLiteral("position")).toInt() == 1);
    CHECK(walkIn.nextOfType(QStringLiteral("call-queued"), 3000).value(QStringLiteral("position")).toInt() == 2);

    // The first advisor free gets the appointment; answering it marks it attended.
    RawClient advisor(fixture);
    advisor.send(advisorHello(test::kAdvisorUser, test::kAdvisorPassword));
    advisor.nextOfType(QStringLiteral("welcome"));
    advisor.send(makeMessage(MessageType::AdvisorState, {{QStringLiteral("state"), QStringLiteral("available")}}));
    const QJsonObject offer = advisor.nextOfType(QStringLiteral("call-offer"));
    CHECK(offer.value(QStringLiteral("call_id")).toString() == callId);
    advisor.send(makeMessage(MessageType::CallAccept, {{QStringLiteral("call_id"), callId}}));
    advisor.nextOfType(QStringLiteral("call-start"));
    CHECK(status(fixture, code) == QStringLiteral("attended"));

    // Used once: the same code cannot be checked in again.
    withAppointment.send(makeMessage(MessageType::Hangup, {{QStringLiteral("call_id"), callId}}));
    withAppointment.nextOfType(QStringLiteral("call-ended"));
    withAppointment.send(makeMessage(MessageType::CheckIn, {{QStringLiteral("code"), code}}));
    withAppointment.expectError(QStringLiteral("no-such-appointment"));
}

TEST_CASE("appointments not checked in are recorded as no-shows and cannot be checked in late", "[hub][appointments]")
{
    test::HubFixture fixture;
    attachToOffice(fixture);
    const QString missed = appointmentAt(fixture, store::nowMs() - 20 * 60 * 1000, QStringLiteral("111111"));
    const QString recent = appointmentAt(fixture, store::nowMs() - 5 * 60 * 1000, QStringLiteral("222222"));
    RawClient kiosk(fixture);
    kiosk.send(kioskHello(test::kSiteId, fixture.kioskCredential()));
    kiosk.nextOfType(QStringLiteral("welcome"));
    kiosk.send(makeMessage(MessageType::CheckIn, {{QStringLiteral("code"), missed}}));
    kiosk.expectError(QStringLiteral("too-late"));

    fixture.hub().checkOfficeHours(); // what the hub does every 30 s
    CHECK(status(fixture, missed) == QStringLiteral("no-show"));
    CHECK(status(fixture, recent) == QStringLiteral("booked")); // still within its 15 minutes
    auto audit = fixture.store().database().prepare(
        QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'no-show' AND detail = ?"));
    audit.bind(1, missed);
    REQUIRE(audit.step());
    CHECK(audit.integer(0) == 1);

    // Five minutes late is still on time: attended at once, ahead of the queue.
    kiosk.send(makeMessage(MessageType::CheckIn, {{QStringLiteral("code"), recent}}));
    CHECK(kiosk.nextOfType(QStringLiteral("call-queued")).value(QStringLiteral("position")).toInt() == 1);
    CHECK(status(fixture, recent) == QStringLiteral("checked-in"));
}

TEST_CASE("a waiting citizen can leave the queue for a call-back, which advisors take and close as a task",
    "[hub][callbacks]")
{
    test::HubFixture fixture;
    REQUIRE_OK(hub::admin::addAdvisor(fixture.store(), QStringLiteral("luis"), QStringLiteral("Luis Pérez"),
        QStringLiteral("another long password")));
    RawClient kiosk(fixture);
    kiosk.send(kioskHello(test::kSiteId, fixture.kioskCredential()));
    kiosk.nextOfType(QStringLiteral("welcome"));
    kiosk.send(makeMessage(MessageType::CallRequest, {{QStringLiteral("service"), QStringLiteral("ayudas")}}));
    const QString callId = kiosk.nextOfType(QStringLiteral("call-queued")).value(QStringLiteral("call_id")).toString();

    RawClient ana(fixture);
    ana.send(advisorHello(test::kAdvisorUser, test::kAdvisorPassword));
    CHECK(ana.nextOfType(QStringLiteral("tasks")).value(QStringLiteral("callbacks")).toArray().isEmpty());

    kiosk.send(makeMessage(MessageType::CallbackRequest,
        {{QStringLiteral("service"), QStringLiteral("ayudas")},
            {QStringLiteral("phone"), QStringLiteral("600 123 456")},
            {QStringLiteral("note"), QStringLiteral("ayuda al alquiler")}, {QStringLiteral("call_id"), callId}}));
    const qint64 id
        = kiosk.nextOfType(QStringLiteral("callback-registered")).value(QStringLiteral("callback_id")).toInteger();
    CHECK(kiosk.nextOfType(QStringLiteral("call-ended")).value(QStringLiteral("reason")).toString()
        == QStringLiteral("callback"));
    CHECK(fixture.store().call(callId)->endReason == QStringLiteral("callback"));
    CHECK(fixture.hub().waitingCallCount() == 0);

    const QJsonArray tasks = ana.nextOfType(QStringLiteral("tasks")).value(QStringLiteral("callbacks")).toArray();
    REQUIRE(tasks.size() == 1);
    const QJsonObject task = tasks.first().toObject();
    CHECK(task.value(QStringLiteral("callback_id")).toInteger() == id);
    CHECK(task.value(QStringLiteral("phone")).toString() == QStringLiteral("600123456"));
    CHECK(task.value(QStringLiteral("municipality")).toString() == QStringLiteral("El Bonillo"));
    CHECK(task.value(QStringLiteral("status")).toString() == QStringLiteral("open"));

    RawClient luis(fixture);
    luis.send(advisorHello(QStringLiteral("luis"), QStringLiteral("another long password")));
    luis.nextOfType(QStringLiteral("tasks"));
    const auto update = [](RawClient &advisor, qint64 callbackId, const QString &to) {
        advisor.send(makeMessage(MessageType::TaskUpdate,
            {{QStringLiteral("callback_id"), callbackId}, {QStringLiteral("status"), to},
                {QStringLiteral("outcome"), QStringLiteral("citizen phoned; form sent")}}));
    };
    update(ana, id, QStringLiteral("taken"));
    const QJsonObject taken
        = luis.nextOfType(QStringLiteral("tasks")).value(QStringLiteral("callbacks")).toArray().first().toObject();
    CHECK(taken.value(QStringLiteral("status")).toString() == QStringLiteral("taken"));
    CHECK(taken.value(QStringLiteral("advisor")).toString() == QStringLiteral("Ana García"));
    update(luis, id, QStringLiteral("done"));
    luis.expectError(QStringLiteral("out-of-order")); // Ana has it
    update(luis, 999, QStringLiteral("taken"));
    luis.expectError(QStringLiteral("no-such-task"));
    update(ana, id, QStringLiteral("done"));
    luis.nextOfType(QStringLiteral("tasks"));
    const auto closed = fixture.store().callback(id);
    CHECK(closed->status == QStringLiteral("done"));
    CHECK(closed->outcome == QStringLiteral("citizen phoned; form sent"));
    update(ana, id, QStringLiteral("open"));
    ana.expectError(QStringLiteral("out-of-order")); // closed stays closed

    SECTION("a call-back needs a phone number, and a kiosk cannot give up someone else's call")
    {
        kiosk.send(makeMessage(MessageType::CallbackRequest,
            {{QStringLiteral("service"), QStringLiteral("ayudas")}, {QStringLiteral("phone"), QStringLiteral("12")}}));
        kiosk.expectError(QStringLiteral("bad-field"));
        kiosk.send(makeMessage(MessageType::CallbackRequest,
            {{QStringLiteral("service"), QStringLiteral("ayudas")},
                {QStringLiteral("phone"), QStringLiteral("600123456")},
                {QStringLiteral("call_id"), QStringLiteral("not-mine")}}));
        kiosk.expectError(QStringLiteral("out-of-order"));
        ana.send(makeMessage(MessageType::CallbackRequest,
            {{QStringLiteral("service"), QStringLiteral("ayudas")},
                {QStringLiteral("phone"), QStringLiteral("600123456")}}));
        ana.expectError(QStringLiteral("not-allowed"));
        CHECK(fixture.store().callbacks(0).size() == 1);
    }
}

TEST_CASE("the kiosk app books an appointment, checks in with its code, then asks for a call-back instead",
    "[kiosk][appointments]")
{
    test::HubFixture fixture;
    attachToOffice(fixture);
    client::KioskController kiosk(fixture.kioskConfig());
    REQUIRE_OK(kiosk.connectToHub());
    REQUIRE_EVENTUALLY(
        kiosk.appointmentsOffered() && kiosk.services()->rowCount() > 0, 10000, kiosk.linkState().toStdString());

    kiosk.startErrand(QStringLiteral("appointment"));
    CHECK(kiosk.errandStep() == QStringLiteral("service"));
    kiosk.chooseService(QStringLiteral("padron"));
    CHECK(kiosk.errandStep() == QStringLiteral("slot"));
    REQUIRE_EVENTUALLY(!kiosk.appointmentSlots().isEmpty(), 5000, kiosk.errandError().toStdString());
    const QVariantMap first = kiosk.appointmentSlots().first().toMap();
    kiosk.chooseSlot(qint64(first.value(QStringLiteral("startsAtMs")).toDouble()));
    CHECK(kiosk.errandStep() == QStringLiteral("phone"));
    CHECK(kiosk.errandText() == first.value(QStringLiteral("text")).toString());
    kiosk.submitPhone(QStringLiteral("12345")); // the hub refuses it; the citizen is told why
    REQUIRE_EVENTUALLY(!kiosk.errandError().isEmpty(), 5000, kiosk.errandStep().toStdString());
    CHECK(kiosk.errandStep() == QStringLiteral("phone"));
    kiosk.submitPhone(QStringLiteral("600111222"));
    REQUIRE_EVENTUALLY(kiosk.errandStep() == QStringLiteral("done"), 5000, kiosk.errandError().toStdString());
    const QString code = kiosk.errandCode();
    CHECK(status(fixture, code) == QStringLiteral("booked"));
    kiosk.closeErrand();
    CHECK(kiosk.errand().isEmpty());

    // The first slot begins within 15 minutes, inside the check-in window.
    kiosk.startErrand(QStringLiteral("check-in"));
    kiosk.submitCode(code == QStringLiteral("999999") ? QStringLiteral("999998") : QStringLiteral("999999"));
    REQUIRE_EVENTUALLY(!kiosk.errandError().isEmpty(), 5000, int(kiosk.callState()));
    CHECK(kiosk.callState() == client::CallController::CallState::Idle);
    kiosk.submitCode(code);
    REQUIRE_EVENTUALLY(kiosk.queuePosition() == 1, 5000, kiosk.errandError().toStdString());
    CHECK(kiosk.errand().isEmpty());
    CHECK(status(fixture, code) == QStringLiteral("checked-in"));

    // Nobody is free: the citizen leaves a phone number instead and the call ends.
    kiosk.startErrand(QStringLiteral("callback"));
    CHECK(kiosk.errandStep() == QStringLiteral("phone"));
    kiosk.submitPhone(QStringLiteral("600111222"));
    REQUIRE_EVENTUALLY(
        kiosk.errandStep() == QStringLiteral("done") && kiosk.callState() == client::CallController::CallState::Idle,
        5000, kiosk.errandError().toStdString());
    const auto callbacks = fixture.store().callbacks(0);
    REQUIRE(callbacks.size() == 1);
    CHECK(callbacks.first().service == QStringLiteral("padron"));
    CHECK(!callbacks.first().fromCallId.isEmpty());
    kiosk.disconnectFromHub();
}
