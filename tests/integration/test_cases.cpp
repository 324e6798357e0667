// Cases, transfers and surveys through the real hub over TLS: a case opens when the call is
// answered, a transfer carries it (and a note) to the next advisor, only advisors who worked
// on a case change it, and the citizen rates the call once.
#include "hub_fixture.h"
#include "raw_client.h"

#include "ventanilla/hub/admin.h"
#include "ventanilla/hub/statistics.h"

#include <QJsonArray>
#include <QTimeZone>

using namespace ventanilla;
using namespace ventanilla::signalling;
using test::RawClient;

namespace {

const QString kLuisPassword = QStringLiteral("another long password");

void logIn(RawClient &client, const QString &user, const QString &password)
{
    client.send(makeMessage(MessageType::Hello,
        {{QStringLiteral("role"), QStringLiteral("advisor")}, {QStringLiteral("user"), user},
            {QStringLiteral("password"), password}}));
    client.nextOfType(QStringLiteral("welcome"));
}

// Sets the advisor available and waits until the hub says so (links race each other).
void setAvailable(RawClient &advisor)
{
    advisor.send(makeMessage(MessageType::AdvisorState, {{QStringLiteral("state"), QStringLiteral("available")}}));
    for (int told = 0; told < 3; ++told) {
        if (advisor.nextOfType(QStringLiteral("advisor-state")).value(QStringLiteral("state")).toString()
            == QStringLiteral("available"))
            return;
    }
    FAIL("the hub never set the advisor available");
}

// The advisor answers the next offer; returns the call-start.
QJsonObject answerNext(RawClient &advisor)
{
    const QString callId = advisor.nextOfType(QStringLiteral("call-offer")).value(QStringLiteral("call_id")).toString();
    advisor.send(makeMessage(MessageType::CallAccept, {{QStringLiteral("call_id"), callId}}));
    return advisor.nextOfType(QStringLiteral("call-start"));
}

} // namespace

TEST_CASE(
    "a transfer carries the case and a note to the next service, and the citizen rates the call once", "[hub][cases]")
{
    test::HubFixture fixture;
    REQUIRE_OK(
        hub::admin::addAdvisor(fixture.store(), QStringLiteral("luis"), QStringLiteral("Luis Pérez"), kLuisPassword));
    // Luis attends aids only; Ana everything.
    REQUIRE_OK(hub::admin::setSkills(fixture.store(), QStringLiteral("luis"), QStringLiteral("ayudas")));
    RawClient kiosk(fixture);
    kiosk.send(makeMessage(MessageType::Hello,
        {{QStringLiteral("role"), QStringLiteral("kiosk")}, {QStringLiteral("site_id"), test::kSiteId},
            {QStringLiteral("credential"), fixture.kioskCredential()}}));
    kiosk.nextOfType(QStringLiteral("welcome"));
    RawClient ana(fixture);
    logIn(ana, test::kAdvisorUser, test::kAdvisorPassword);
    CHECK(ana.nextOfType(QStringLiteral("services")).value(QStringLiteral("services")).toArray().size() == 6);

    kiosk.send(makeMessage(MessageType::CallRequest, {{QStringLiteral("service"), QStringLiteral("general")}}));
    const QString first = kiosk.nextOfType(QStringLiteral("call-queued")).value(QStringLiteral("call_id")).toString();
    setAvailable(ana);
    const QJsonObject start = answerNext(ana);
    const qint64 caseId = start.value(QStringLiteral("case_id")).toInteger();
    CHECK(caseId > 0);
    const QJsonObject opened = ana.nextOfType(QStringLiteral("case"));
    CHECK(opened.value(QStringLiteral("reference")).toString()
        == start.value(QStringLiteral("case_reference")).toString());
    CHECK(opened.value(QStringLiteral("case_type")).toString() == QStringLiteral("consultation"));
    CHECK(opened.value(QStringLiteral("status")).toString() == QStringLiteral("open"));

    RawClient luis(fixture);
    logIn(luis, QStringLiteral("luis"), kLuisPassword);
    setAvailable(luis);
    ana.send(makeMessage(MessageType::CallTransfer,
        {{QStringLiteral("call_id"), first}, {QStringLiteral("service"), QStringLiteral("ayudas")},
            {QStringLiteral("note"), QStringLiteral("quiere pedir la ayuda al alquiler")}}));
    const QJsonObject ended = kiosk.nextOfType(QStringLiteral("call-ended"));
    CHECK(ended.value(QStringLiteral("reason")).toString() == QStringLiteral("transferred"));
    const QString second = ended.value(QStringLiteral("next_call_id")).toString();
    CHECK_FALSE(second.isEmpty());
    CHECK(ana.nextOfType(QStringLiteral("call-ended")).value(QStringLiteral("reason")).toString()
        == QStringLiteral("transferred"));

    const QJsonObject offer = luis.nextOfType(QStringLiteral("call-offer"));
    CHECK(offer.value(QStringLiteral("call_id")).toString() == second);
    CHECK(offer.value(QStringLiteral("service")).toString() == QStringLiteral("ayudas"));
    CHECK(offer.value(QStringLiteral("transferred_by")).toString() == QStringLiteral("Ana García"));
    CHECK(offer.value(QStringLiteral("note")).toString() == QStringLiteral("quiere pedir la ayuda al alquiler"));
    CHECK(offer.value(QStringLiteral("case_reference")).toString()
        == opened.value(QStringLiteral("reference")).toString());
    luis.send(makeMessage(MessageType::CallAccept, {{QStringLiteral("call_id"), second}}));
    CHECK(luis.nextOfType(QStringLiteral("call-start")).value(QStringLiteral("case_id")).toInteger() == caseId);
    const QJsonArray notes = luis.nextOfType(QStringLiteral("case")).value(QStringLiteral("notes")).toArray();
    REQUIRE(notes.size() == 1);
    CHECK(notes.first().toObject().value(QStringLiteral("advisor")).toString() == QStringLiteral("Ana García"));

    const auto secondRecord = fixture.store().call(second);
    CHECK(secondRecord->transferredFrom == first);
    CHECK(secondRecord->caseId == caseId);
    CHECK(fixture.store().call(first)->endReason == QStringLiteral("transferred"));

    // Luis records the outcome; Ana (who also worked on it) can too, during her wrap-up.
    luis.send(makeMessage(MessageType::CaseUpdate,
        {{QStringLiteral("case_id"), caseId}, {QStringLiteral("case_type"), QStringLiteral("aid")},
            {QStringLiteral("status"), QStringLiteral("pending-citizen")},
            {QStringLiteral("note"), QStringLiteral("falta el contrato de alquiler")}}));
    const QJsonObject updated = luis.nextOfType(QStringLiteral("case"));
    CHECK(updated.value(QStringLiteral("status")).toString() == QStringLiteral("pending-citizen"));
    CHECK(updated.value(QStringLiteral("notes")).toArray().size() == 2);
    const auto record = fixture.store().caseById(caseId);
    CHECK(record->type == QStringLiteral("aid"));

    kiosk.send(makeMessage(MessageType::Hangup, {{QStringLiteral("call_id"), second}}));
    kiosk.nextOfType(QStringLiteral("call-ended"));
    kiosk.send(makeMessage(MessageType::Survey, {{QStringLiteral("call_id"), second}, {QStringLiteral("rating"), 4}}));
    kiosk.send(makeMessage(MessageType::Survey, {{QStringLiteral("call_id"), second}, {QStringLiteral("rating"), 5}}));
    kiosk.expectError(QStringLiteral("out-of-order")); // rated once
    kiosk.send(makeMessage(MessageType::Survey, {{QStringLiteral("call_id"), second}, {QStringLiteral("rating"), 9}}));
    kiosk.expectError(QStringLiteral("bad-field"));
    const auto report = hub::statistics(
        fixture.store(), {}, store::nowMs() - 60000, store::nowMs() + 1000, QTimeZone("Europe/Madrid"));
    CHECK(report.total.offered == 2); // a transfer is a new contact
    CHECK(report.total.answered == 2);
    CHECK(report.total.surveys == 1);
    CHECK(*report.total.averageRating == Approx(4.0));

    SECTION("someone who never attended the case cannot change it; a kiosk cannot transfer")
    {
        REQUIRE_OK(
            hub::admin::addAdvisor(fixture.store(), QStringLiteral("eva"), QStringLiteral("Eva Ruiz"), kLuisPassword));
        RawClient eva(fixture);
        logIn(eva, QStringLiteral("eva"), kLuisPassword);
        eva.send(makeMessage(MessageType::CaseUpdate,
            {{QStringLiteral("case_id"), caseId}, {QStringLiteral("status"), QStringLiteral("closed")}}));
        eva.expectError(QStringLiteral("no-such-case"));
        kiosk.send(makeMessage(MessageType::CallTransfer,
            {{QStringLiteral("call_id"), second}, {QStringLiteral("service"), QStringLiteral("padron")}}));
        kiosk.expectError(QStringLiteral("not-allowed"));
        CHECK(fixture.store().caseById(caseId)->status == QStringLiteral("pending-citizen"));
    }
}

TEST_CASE("a transfer to a named advisor waits for that advisor even when others are free", "[hub][cases]")
{
    test::HubFixture fixture;
    REQUIRE_OK(
        hub::admin::addAdvisor(fixture.store(), QStringLiteral("luis"), QStringLiteral("Luis Pérez"), kLuisPassword));
    REQUIRE_OK(
        hub::admin::addAdvisor(fixture.store(), QStringLiteral("eva"), QStringLiteral("Eva Ruiz"), kLuisPassword));
    RawClient kiosk(fixture);
    kiosk.send(makeMessage(MessageType::Hello,
        {{QStringLiteral("role"), QStringLiteral("kiosk")}, {QStringLiteral("site_id"), test::kSiteId},
            {QStringLiteral("credential"), fixture.kioskCredential()}}));
    RawClient ana(fixture);
    logIn(ana, test::kAdvisorUser, test::kAdvisorPassword);
    RawClient eva(fixture);
    logIn(eva, QStringLiteral("eva"), kLuisPassword);
    kiosk.send(makeMessage(MessageType::CallRequest, {{QStringLiteral("service"), QStringLiteral("registro")}}));
    const QString first = kiosk.nextOfType(QStringLiteral("call-queued")).value(QStringLiteral("call_id")).toString();
    setAvailable(ana);
    answerNext(ana);

    setAvailable(eva);
    ana.send(makeMessage(MessageType::CallTransfer,
        {{QStringLiteral("call_id"), first}, {QStringLiteral("advisor"), QStringLiteral("nobody")}}));
    ana.expectError(QStringLiteral("bad-field"));
    ana.send(makeMessage(MessageType::CallTransfer,
        {{QStringLiteral("call_id"), first}, {QStringLiteral("advisor"), QStringLiteral("luis")}}));
    const QString second
        = kiosk.nextOfType(QStringLiteral("call-ended")).value(QStringLiteral("next_call_id")).toString();
    CHECK(kiosk.nextOfType(QStringLiteral("call-queued")).value(QStringLiteral("position")).toInt() == 1);
    test::spin(1500); // Eva is free all along, but the call is for Luis
    CHECK(fixture.store().call(second)->offeredAtMs == std::nullopt);

    RawClient luis(fixture);
    logIn(luis, QStringLiteral("luis"), kLuisPassword);
    setAvailable(luis);
    CHECK(luis.nextOfType(QStringLiteral("call-offer")).value(QStringLiteral("call_id")).toString() == second);
}

TEST_CASE("when an advisor's shift ends the hub stops offering them calls, unless they choose to stay", "[hub][shifts]")
{
    test::HubFixture fixture;
    REQUIRE_OK(hub::admin::setShift(fixture.store(), test::kAdvisorUser, QStringLiteral("mon-sun 00:00-24:00")));
    CHECK_FALSE(hub::admin::setShift(fixture.store(), test::kAdvisorUser, QStringLiteral("weekdays 9-5")).ok());
    CHECK_FALSE(hub::admin::addLeave(fixture.store(), QStringLiteral("nobody"), QStringLiteral("2026-12-25"), {}).ok());
    RawClient ana(fixture);
    logIn(ana, test::kAdvisorUser, test::kAdvisorPassword);
    setAvailable(ana);

    // IT staff record that today is a day of leave: at the next check the shift is over.
    const QString today
        = QDateTime::currentDateTimeUtc().toTimeZone(QTimeZone("Europe/Madrid")).date().toString(Qt::ISODate);
    REQUIRE_OK(hub::admin::addLeave(fixture.store(), test::kAdvisorUser, today, QStringLiteral("asuntos propios")));
    CHECK(
        hub::admin::listAdvisors(fixture.store(), QDateTime::currentDateTimeUtc()).contains(QStringLiteral("\tno\t")));
    fixture.hub().checkOfficeHours(); // what the hub does every 30 s
    const QJsonObject away = ana.nextOfType(QStringLiteral("advisor-state"));
    CHECK(away.value(QStringLiteral("state")).toString() == QStringLiteral("away"));
    CHECK(away.value(QStringLiteral("reason")).toString() == QStringLiteral("end-of-shift"));

    RawClient kiosk(fixture);
    kiosk.send(makeMessage(MessageType::Hello,
        {{QStringLiteral("role"), QStringLiteral("kiosk")}, {QStringLiteral("site_id"), test::kSiteId},
            {QStringLiteral("credential"), fixture.kioskCredential()}}));
    kiosk.send(makeMessage(MessageType::CallRequest, {{QStringLiteral("service"), QStringLiteral("general")}}));
    const QString callId = kiosk.nextOfType(QStringLiteral("call-queued")).value(QStringLiteral("call_id")).toString();
    test::spin(300);
    CHECK_FALSE(fixture.store().call(callId)->offeredAtMs);

    // She chooses to stay: available on purpose, and the next check leaves her be.
    setAvailable(ana);
    CHECK(ana.nextOfType(QStringLiteral("call-offer")).value(QStringLiteral("call_id")).toString() == callId);
    fixture.hub().checkOfficeHours();
    const auto log = fixture.store().advisorStateLog(fixture.store().advisorByUsername(test::kAdvisorUser)->id);
    CHECK(log.last().state == QStringLiteral("offered"));
}
