// Admin reports: statistics as CSV and the live queue, read from the database.
#include "ventanilla/hub/admin.h"
#include "ventanilla/hub/statistics.h"

namespace ventanilla::hub::admin {

Result<QString> statisticsCsv(store::Store &store, const QString &fromDay, const QString &toDay, const QString &groupBy)
{
    const QDate from = QDate::fromString(fromDay, Qt::ISODate);
    const QDate to = QDate::fromString(toDay, Qt::ISODate);
    if (!from.isValid() || !to.isValid())
        return failure(QStringLiteral("the period is two dates like 2026-12-01 2026-12-31"));
    if (to < from)
        return failure(QStringLiteral("the period ends (%1) before it starts (%2)").arg(toDay, fromDay));
    const auto grouping = parseGrouping(groupBy);
    if (!grouping)
        return failure(grouping.error());
    const QTimeZone zone("Europe/Madrid");
    const StatsReport report = statistics(store, *grouping, QDateTime(from, QTime(0, 0), zone).toMSecsSinceEpoch(),
        QDateTime(to.addDays(1), QTime(0, 0), zone).toMSecsSinceEpoch(), zone);
    return statsCsv(report).trimmed();
}

QString liveQueue(store::Store &store, const QDateTime &now)
{
    QStringList lines{QStringLiteral("state\twaited\tservice\tkiosk\tflags\tcall")};
    int waiting = 0;
    for (const auto &[call, siteId] : store.unfinishedCalls()) {
        const qint64 waited_s
            = ((call.answeredAtMs ? *call.answeredAtMs : now.toMSecsSinceEpoch()) - call.requestedAtMs) / 1000;
        QStringList flags;
        if (call.preferred)
            flags << QStringLiteral("preferred");
        if (store.appointmentOfCall(call.id))
            flags << QStringLiteral("appointment");
        waiting += call.answeredAtMs ? 0 : 1;
        lines << QStringLiteral("%1\t%2:%3\t%4\t%5\t%6\t%7")
                     .arg(call.answeredAtMs ? QStringLiteral("in-call") : QStringLiteral("waiting"))
                     .arg(waited_s / 60)
                     .arg(waited_s % 60, 2, 10, QLatin1Char('0'))
                     .arg(call.service, siteId, flags.join(QLatin1Char(',')), call.id);
    }
    lines << QStringLiteral("%1 waiting, %2 in conversation").arg(waiting).arg(lines.size() - 1 - waiting);
    return lines.join(QLatin1Char('\n'));
}

} // namespace ventanilla::hub::admin

namespace ventanilla::hub::admin {

Result<QString> purge(store::Store &store, int retentionDays, const QDateTime &now)
{
    const qint64 cutoff = now.addDays(-retentionDays).toMSecsSinceEpoch();
    const store::Store::Purged purged = store.purgePersonalData(cutoff);
    const QString summary
        = QStringLiteral("personal data older than %1 days erased: %2 appointment(s), %3 call-back(s), "
                         "%4 case note(s)")
              .arg(retentionDays)
              .arg(purged.appointments)
              .arg(purged.callbacks)
              .arg(purged.caseNotes);
    if (purged.appointments + purged.callbacks + purged.caseNotes > 0)
        store.audit(QStringLiteral("retention"), QStringLiteral("purge"), summary);
    return summary;
}

} // namespace ventanilla::hub::admin
