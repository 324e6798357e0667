// Call-centre figures on hand-made records whose answers are worked out by hand: speed of
// answer, service level with and without abandons against the charter, handling time,
// occupancy cut at hour boundaries; and the CSV/JSON forms.
#include "ventanilla/hub/statistics.h"

#include <catch2/catch.hpp>

#include <QJsonArray>

using namespace ventanilla;
using namespace ventanilla::hub;
using namespace Qt::Literals::StringLiterals;

namespace {

const qint64 kT0 = QDateTime(QDate(2026, 12, 1), QTime(0, 0), QTimeZone::utc()).toMSecsSinceEpoch();

qint64 at(double seconds)
{
    return kT0 + qint64(seconds * 1000);
}

store::CallFact call(const QString &service, double requested, std::optional<double> answered,
    std::optional<double> ended, std::optional<double> wrapEnded, const QString &reason, const QString &advisor)
{
    store::CallFact fact;
    fact.service = service;
    fact.requestedAtMs = at(requested);
    if (answered)
        fact.answeredAtMs = at(*answered);
    if (ended)
        fact.endedAtMs = at(*ended);
    if (wrapEnded)
        fact.wrapUpEndedAtMs = at(*wrapEnded);
    fact.endReason = reason;
    fact.advisor = advisor;
    fact.officeIne = QStringLiteral("02016");
    fact.commitmentWithin_s = service == QLatin1String("padron") ? 120 : 60;
    fact.commitmentPercent = service == QLatin1String("padron") ? 80 : 90;
    return fact;
}

const QList<store::CallFact> kCalls{
    call(u"padron"_s, 0, 60, 360, 390, u"hangup"_s, u"ana"_s), // waited 60 s: within 120
    call(u"padron"_s, 10, 200, 500, 520, u"hangup"_s, u"ana"_s), // waited 190 s: late
    call(u"padron"_s, 20, std::nullopt, 100, std::nullopt, u"abandoned"_s, u""_s), // left after 80 s
    call(u"padron"_s, 30, std::nullopt, 40, std::nullopt, u"callback"_s, u""_s), // chose a call-back
    call(u"padron"_s, 50, std::nullopt, std::nullopt, std::nullopt, u""_s, u""_s), // still waiting
    call(u"ayudas"_s, 0, 30, 630, 660, u"hangup"_s, u"luis"_s), // waited 30 s: within 60
};

const QList<store::AdvisorStateChange> kStates{{u"ana"_s, u"available"_s, at(0)}, {u"ana"_s, u"in-call"_s, at(60)},
    {u"ana"_s, u"wrap-up"_s, at(360)}, {u"ana"_s, u"available"_s, at(390)}, {u"ana"_s, u"offline"_s, at(600)},
    {u"luis"_s, u"available"_s, at(3500)}, {u"luis"_s, u"offline"_s, at(3700)}};

const StatsRow *rowWithKey(const StatsReport &report, const QStringList &key)
{
    for (const StatsRow &row : report.rows) {
        if (row.key == key)
            return &row;
    }
    return nullptr;
}

} // namespace

TEST_CASE("per service: offered, answered, abandoned, speed of answer and both service levels", "[statistics]")
{
    const StatsReport report
        = computeStatistics(kCalls, kStates, {StatsKey::Service}, at(0), at(86400), at(86400), QTimeZone::utc());
    REQUIRE(report.rows.size() == 2);
    const StatsRow *padron = rowWithKey(report, {QStringLiteral("padron")});
    REQUIRE(padron);
    CHECK(padron->offered == 5);
    CHECK(padron->answered == 2);
    CHECK(padron->abandoned == 1);
    CHECK(padron->callbacks == 1);
    CHECK(padron->asa_s == Approx(125.0));
    CHECK(padron->avgAbandon_s == Approx(80.0));
    CHECK(padron->maxWait_s == 190);
    // 1 answered within 120 s; 2 answered and 1 abandoned.
    CHECK(*padron->serviceLevelPercent == Approx(100.0 / 3));
    CHECK(*padron->serviceLevelAnsweredPercent == Approx(50.0));
    CHECK(*padron->commitmentPercent == 80);
    CHECK_FALSE(*padron->meetsCommitment);
    CHECK(padron->avgTalk_s == Approx(300.0));
    CHECK(padron->avgWrapUp_s == Approx(25.0));
    CHECK(padron->aht_s == Approx(325.0));
    CHECK_FALSE(padron->occupancyPercent); // not defined per service

    const StatsRow *ayudas = rowWithKey(report, {QStringLiteral("ayudas")});
    REQUIRE(ayudas);
    CHECK(*ayudas->serviceLevelPercent == Approx(100.0));
    CHECK(*ayudas->meetsCommitment);

    // The total mixes two commitments: it has service levels but no single promise.
    CHECK(report.total.offered == 6);
    CHECK(*report.total.serviceLevelPercent == Approx(50.0));
    CHECK(*report.total.serviceLevelAnsweredPercent == Approx(200.0 / 3));
    CHECK_FALSE(report.total.commitmentPercent);
}

TEST_CASE("occupancy per advisor and hour comes from the state log, cut at hour boundaries", "[statistics]")
{
    const StatsReport byAdvisor
        = computeStatistics(kCalls, kStates, {StatsKey::Advisor}, at(0), at(86400), at(86400), QTimeZone::utc());
    const StatsRow *ana = rowWithKey(byAdvisor, {QStringLiteral("ana")});
    REQUIRE(ana);
    CHECK(ana->answered == 2);
    CHECK(ana->loggedIn_s == Approx(600.0));
    CHECK(ana->busy_s == Approx(330.0)); // 300 s in call + 30 s wrap-up
    CHECK(*ana->occupancyPercent == Approx(55.0));
    const StatsRow *nobody = rowWithKey(byAdvisor, {QStringLiteral("-")});
    REQUIRE(nobody); // calls no advisor answered
    CHECK(nobody->offered == 3);

    const StatsReport byHour = computeStatistics(
        kCalls, kStates, {StatsKey::Advisor, StatsKey::Hour}, at(0), at(86400), at(86400), QTimeZone::utc());
    const StatsRow *luis0 = rowWithKey(byHour, {QStringLiteral("luis"), QStringLiteral("00")});
    const StatsRow *luis1 = rowWithKey(byHour, {QStringLiteral("luis"), QStringLiteral("01")});
    REQUIRE(luis0);
    REQUIRE(luis1);
    CHECK(luis0->loggedIn_s == Approx(100.0));
    CHECK(luis1->loggedIn_s == Approx(100.0));
    CHECK(*luis1->occupancyPercent == Approx(0.0));

    // A period that starts while an advisor is logged in counts from its start, and an
    // advisor still logged in counts until now.
    const StatsReport partial
        = computeStatistics({}, kStates, {StatsKey::Advisor}, at(100), at(86400), at(3650), QTimeZone::utc());
    CHECK(rowWithKey(partial, {QStringLiteral("ana")})->loggedIn_s == Approx(500.0));
    CHECK(rowWithKey(partial, {QStringLiteral("luis")})->loggedIn_s == Approx(150.0));
}

TEST_CASE("offers that were declined or rang out are counted as missed", "[statistics]")
{
    QList<store::CallFact> calls = kCalls;
    for (store::CallFact &fact : calls)
        fact.offers = fact.answeredAtMs ? 1 : 0;
    calls[0].offers = 3; // declined twice, then answered
    calls[2].offers = 1; // rang at someone, then the citizen left
    const StatsReport report = computeStatistics(calls, {}, {}, at(0), at(86400), at(86400), QTimeZone::utc());
    CHECK(report.total.missedOffers == 3);
}

TEST_CASE("groupings are parsed strictly", "[statistics]")
{
    CHECK(parseGrouping(QStringLiteral("service, day"))->size() == 2);
    CHECK(parseGrouping(QString())->isEmpty());
    CHECK_FALSE(parseGrouping(QStringLiteral("service,weather")).ok());
    CHECK_FALSE(parseGrouping(QStringLiteral("day,day")).ok());
}

TEST_CASE("the report as CSV has a header, one line per group and a total, and as JSON keys by name", "[statistics]")
{
    const StatsReport report = computeStatistics(
        kCalls, kStates, {StatsKey::Service, StatsKey::Day}, at(0), at(86400), at(86400), QTimeZone::utc());
    const QStringList lines = statsCsv(report).trimmed().split(QLatin1Char('\n'));
    REQUIRE(lines.size() == 4);
    CHECK(lines[0].startsWith(QStringLiteral("service,day,offered,answered,abandoned,callbacks,asa_s")));
    CHECK(lines[2].startsWith(QStringLiteral("padron,2026-12-01,5,2,1,1,125.0,80.0,190,33.3,50.0,80,no,")));
    CHECK(lines[3].startsWith(QStringLiteral("TOTAL,,6,3,1,1,")));
    for (const QString &line : lines)
        CHECK(line.count(QLatin1Char(',')) == lines[0].count(QLatin1Char(',')));

    const QJsonObject json = statsJson(report);
    const QJsonObject padron = json.value(QStringLiteral("rows")).toArray().at(1).toObject();
    CHECK(padron.value(QStringLiteral("key")).toObject().value(QStringLiteral("service")).toString()
        == QStringLiteral("padron"));
    CHECK(padron.value(QStringLiteral("meets_commitment")).isBool());
    CHECK_FALSE(padron.contains(QStringLiteral("occupancy_pct")));
    CHECK(json.value(QStringLiteral("total")).toObject().value(QStringLiteral("offered")).toInt() == 6);
}
