// Call-centre statistics from the hub's records: per service, office, advisor, day and hour,
// offered, answered, abandoned, speed of answer, service level against the charter's
// commitment (with and without abandoned calls), handling time and occupancy.
#pragma once

#include "ventanilla/core/result.h"
#include "ventanilla/store/store.h"

#include <QJsonObject>
#include <QTimeZone>

namespace ventanilla::hub {

enum class StatsKey { Unknown = 0, Service, Office, Advisor, Day, Hour };
// "service,day" → {Service, Day}; empty text → no grouping (one total row).
Result<QList<StatsKey>> parseGrouping(const QString &text);

struct StatsRow {
    QStringList key; // one value per grouping key: "padron", "02016", "ana", "2026-12-03", "10"
    int offered = 0; // entered the queue
    int answered = 0;
    int abandoned = 0; // left (or lost the link) before an answer
    int callbacks = 0; // left the queue for a call-back: not abandoned, not answered
    int answeredWithinCommitment = 0; // answered within the commitment of their service
    double asa_s = 0; // average speed of answer
    double avgAbandon_s = 0; // how long the abandoned waited before leaving
    qint64 maxWait_s = 0;
    double avgTalk_s = 0;
    double avgWrapUp_s = 0;
    double aht_s = 0; // average handling time: talk + wrap-up
    // answered within commitment ÷ (answered + abandoned), and ÷ answered alone; none without calls
    std::optional<double> serviceLevelPercent;
    std::optional<double> serviceLevelAnsweredPercent;
    std::optional<int> commitmentPercent; // the charter's promise, when the group has one
    std::optional<bool> meetsCommitment; // service level with abandons ≥ the promise
    // advisors' time logged in and busy (offered, in call, wrap-up); occupancy = busy ÷ logged in
    double loggedIn_s = 0;
    double busy_s = 0;
    std::optional<double> occupancyPercent;
    int missedOffers = 0; // offers declined or left ringing until the timeout, then re-offered
    int surveys = 0; // citizens who rated their call
    std::optional<double> averageRating; // 1..5
};

struct StatsReport {
    QList<StatsKey> grouping;
    qint64 fromMs = 0;
    qint64 toMs = 0;
    QList<StatsRow> rows; // sorted by key
    StatsRow total;
};

// Pure: the report from the records of a period. Days and hours are local to `zone`.
// Occupancy is only defined for groupings of advisor, day and hour.
StatsReport computeStatistics(const QList<store::CallFact> &calls, const QList<store::AdvisorStateChange> &states,
    const QList<StatsKey> &grouping, qint64 fromMs, qint64 toMs, qint64 nowMs, const QTimeZone &zone);
StatsReport statistics(
    store::Store &store, const QList<StatsKey> &grouping, qint64 fromMs, qint64 toMs, const QTimeZone &zone);

QString statsCsv(const StatsReport &report);
QJsonObject statsJson(const StatsReport &report);

} // namespace ventanilla::hub
