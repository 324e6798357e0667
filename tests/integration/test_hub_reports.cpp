// Statistics and the live queue from a real hub's records: calls made over TLS, then read
// back over the protocol, as CSV and as the admin tool's queue listing.
#include "hub_fixture.h"
#include "raw_client.h"

#include "ventanilla/hub/admin.h"

#include <QJsonArray>
#include <QTimeZone>

using namespace ventanilla;
using namespace ventanilla::signalling;
using test::RawClient;

namespace {

Message field(MessageType type, const QString &name, const QJsonValue &value)
{
    return makeMessage(type, {{name, value}});
}

} // namespace

TEST_CASE(
    "statistics of answered and abandoned calls over the protocol and as CSV, and the live queue", "[hub][statistics]")
{
    test::HubFixture fixture;
    const auto other = fixture.addKiosk(QStringLiteral("ossa"), QStringLiteral("Ossa de Montiel"));
    RawClient kiosk(fixture);
    kiosk.send(makeMessage(MessageType::Hello,
        {{QStringLiteral("role"), QStringLiteral("kiosk")}, {QStringLiteral("site_id"), test::kSiteId},
            {QStringLiteral("credential"), fixture.kioskCredential()}}));
    RawClient leaver(fixture);
    leaver.send(makeMessage(MessageType::Hello,
        {{QStringLiteral("role"), QStringLiteral("kiosk")}, {QStringLiteral("site_id"), QStringLiteral("ossa")},
            {QStringLiteral("credential"), other.credential}}));
    RawClient advisor(fixture);
    advisor.send(makeMessage(MessageType::Hello,
        {{QStringLiteral("role"), QStringLiteral("advisor")}, {QStringLiteral("user"), test::kAdvisorUser},
            {QStringLiteral("password"), test::kAdvisorPassword}}));
    advisor.nextOfType(QStringLiteral("welcome"));

    kiosk.send(field(MessageType::CallRequest, QStringLiteral("service"), QStringLiteral("padron")));
    const QString answered
        = kiosk.nextOfType(QStringLiteral("call-queued")).value(QStringLiteral("call_id")).toString();
    leaver.send(field(MessageType::CallRequest, QStringLiteral("service"), QStringLiteral("ayudas")));
    const QString abandoned
        = leaver.nextOfType(QStringLiteral("call-queued")).value(QStringLiteral("call_id")).toString();

    const QString queue = hub::admin::liveQueue(fixture.store(), QDateTime::currentDateTimeUtc());
    CHECK(queue.contains(QStringLiteral("2 waiting, 0 in conversation")));
    CHECK(queue.contains(answered));

    advisor.send(field(MessageType::AdvisorState, QStringLiteral("state"), QStringLiteral("available")));
    CHECK(advisor.nextOfType(QStringLiteral("call-offer")).value(QStringLiteral("call_id")).toString() == answered);
    advisor.send(field(MessageType::CallAccept, QStringLiteral("call_id"), answered));
    advisor.nextOfType(QStringLiteral("call-start"));
    CHECK(hub::admin::liveQueue(fixture.store(), QDateTime::currentDateTimeUtc())
              .contains(QStringLiteral("1 waiting, 1 in conversation")));
    leaver.send(makeMessage(MessageType::Hangup,
        {{QStringLiteral("call_id"), abandoned}, {QStringLiteral("reason"), QStringLiteral("abandoned")}}));
    leaver.nextOfType(QStringLiteral("call-ended"));
    kiosk.send(field(MessageType::Hangup, QStringLiteral("call_id"), answered));
    kiosk.nextOfType(QStringLiteral("call-ended"));

    const qint64 now = store::nowMs();
    advisor.send(makeMessage(MessageType::StatsRequest,
        {{QStringLiteral("from_ms"), now - 3600000}, {QStringLiteral("to_ms"), now + 1000},
            {QStringLiteral("group_by"), QStringLiteral("service")}}));
    const QJsonObject report = advisor.nextOfType(QStringLiteral("stats")).value(QStringLiteral("report")).toObject();
    const QJsonObject total = report.value(QStringLiteral("total")).toObject();
    CHECK(total.value(QStringLiteral("offered")).toInt() == 2);
    CHECK(total.value(QStringLiteral("answered")).toInt() == 1);
    CHECK(total.value(QStringLiteral("abandoned")).toInt() == 1);
    CHECK(total.value(QStringLiteral("service_level_pct")).toDouble() == Approx(50.0));
    CHECK(total.value(QStringLiteral("service_level_answered_pct")).toDouble() == Approx(100.0));
    const QJsonArray rows = report.value(QStringLiteral("rows")).toArray();
    REQUIRE(rows.size() == 2);
    CHECK(rows.at(1).toObject().value(QStringLiteral("key")).toObject().value(QStringLiteral("service")).toString()
        == QStringLiteral("padron"));
    CHECK(rows.at(1).toObject().value(QStringLiteral("commitment_pct")).toInt() == 80);

    SECTION("bad periods and groupings are refused; kiosks cannot read statistics")
    {
        advisor.send(makeMessage(
            MessageType::StatsRequest, {{QStringLiteral("from_ms"), now}, {QStringLiteral("to_ms"), now - 1}}));
        advisor.expectError(QStringLiteral("bad-field"));
        advisor.send(makeMessage(MessageType::StatsRequest,
            {{QStringLiteral("from_ms"), now - 1000}, {QStringLiteral("to_ms"), now},
                {QStringLiteral("group_by"), QStringLiteral("mood")}}));
        advisor.expectError(QStringLiteral("bad-field"));
        kiosk.send(makeMessage(
            MessageType::StatsRequest, {{QStringLiteral("from_ms"), now - 1000}, {QStringLiteral("to_ms"), now}}));
        kiosk.expectError(QStringLiteral("not-allowed"));
    }
    SECTION("the CSV export has the same figures")
    {
        const QString today
            = QDateTime::currentDateTimeUtc().toTimeZone(QTimeZone("Europe/Madrid")).date().toString(Qt::ISODate);
        const auto csv = hub::admin::statisticsCsv(fixture.store(), today, today, QStringLiteral("service,advisor"));
        REQUIRE_OK(csv);
        CHECK(csv->contains(QStringLiteral("padron,ana,1,1,0,0,")));
        CHECK(csv->contains(QStringLiteral("ayudas,-,1,0,1,0,")));
        CHECK(csv->section(QLatin1Char('\n'), -1).startsWith(QStringLiteral("TOTAL,,2,1,1,0,")));
        CHECK_FALSE(hub::admin::statisticsCsv(fixture.store(), today, QStringLiteral("2020-01-01"), {}).ok());
        CHECK_FALSE(hub::admin::statisticsCsv(fixture.store(), QStringLiteral("yesterday"), today, {}).ok());
    }
}

TEST_CASE("retention erases citizens' personal data older than the period and keeps every row", "[hub][retention]")
{
    test::HubFixture fixture;
    store::Store &store = fixture.store();
    REQUIRE_OK(hub::admin::addOffice(store, QStringLiteral("02016"), QStringLiteral("El Bonillo"), QString(),
        QStringLiteral("mon-sun 09:00-14:00")));
    const qint64 officeId = store.officeByIneCode(QStringLiteral("02016"))->id;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const qint64 old = now.addDays(-400).toMSecsSinceEpoch();
    const qint64 recent = now.addDays(-10).toMSecsSinceEpoch();
    for (const auto &[code, at] :
        {std::pair{QStringLiteral("100001"), old}, std::pair{QStringLiteral("100002"), recent}}) {
        REQUIRE(store.bookAppointment({.code = code,
                                          .officeId = officeId,
                                          .service = QStringLiteral("padron"),
                                          .startsAtMs = at,
                                          .citizenName = QStringLiteral("Lucía Martín"),
                                          .citizenPhone = QStringLiteral("600111222"),
                                          .bookedAtMs = at,
                                          .bookedBy = QStringLiteral("admin")},
                    2)
            == store::Store::Booking::Booked);
    }
    const qint64 oldCallback = store.addCallback({.service = QStringLiteral("ayudas"),
        .citizenName = QStringLiteral("Pedro"),
        .citizenPhone = QStringLiteral("600333444"),
        .note = QStringLiteral("alquiler"),
        .requestedAtMs = old});
    const qint64 recentCallback = store.addCallback(
        {.service = QStringLiteral("ayudas"), .citizenPhone = QStringLiteral("600555666"), .requestedAtMs = recent});
    const auto advisor = store.advisorByUsername(test::kAdvisorUser);
    const auto closedCase
        = store.openCase(QStringLiteral("aid"), QStringLiteral("ayudas"), std::nullopt, advisor->id, old);
    store.addCaseNote(closedCase.id, advisor->id, QStringLiteral("DNI 12345678Z, vive sola"), old);
    store.updateCase(closedCase.id, QStringLiteral("aid"), QStringLiteral("closed"), old);
    const auto openCase
        = store.openCase(QStringLiteral("aid"), QStringLiteral("ayudas"), std::nullopt, advisor->id, old);
    store.addCaseNote(openCase.id, advisor->id, QStringLiteral("pendiente de documentación"), old);

    const auto purged = hub::admin::purge(store, 365, now);
    REQUIRE_OK(purged);
    CHECK(purged->contains(QStringLiteral("1 appointment(s), 1 call-back(s), 1 case note(s)")));
    CHECK(store.appointmentByCode(QStringLiteral("100001"))->citizenPhone.isEmpty());
    CHECK(store.appointmentByCode(QStringLiteral("100001"))->citizenName.isEmpty());
    CHECK(store.appointmentByCode(QStringLiteral("100001"))->status == QStringLiteral("booked")); // the row stays
    CHECK(store.appointmentByCode(QStringLiteral("100002"))->citizenPhone == QStringLiteral("600111222"));
    CHECK(store.callback(oldCallback)->citizenPhone.isEmpty());
    CHECK(store.callback(oldCallback)->note.isEmpty());
    CHECK(store.callback(recentCallback)->citizenPhone == QStringLiteral("600555666"));
    CHECK(store.caseById(closedCase.id)->notes.first().text.isEmpty());
    CHECK(store.caseById(openCase.id)->notes.first().text == QStringLiteral("pendiente de documentación"));
    // Nothing left to erase the second time.
    CHECK(hub::admin::purge(store, 365, now)
              ->contains(QStringLiteral("0 appointment(s), 0 call-back(s), 0 case note(s)")));
}
