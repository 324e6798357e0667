// Cases (expedientes), their notes, and citizens' surveys in the hub's database.
#include "ventanilla/store/store.h"

#include "sql_values.h"

#include <QDateTime>

namespace ventanilla::store {

CaseRecord Store::openCase(const QString &type, const QString &service, std::optional<qint64> kioskId,
    std::optional<qint64> advisorId, qint64 atMs)
{
    Transaction transaction(m_db);
    auto next = m_db.prepare(QStringLiteral("SELECT COALESCE(MAX(id), 0) + 1 FROM cases"));
    next.step();
    const qint64 id = next.integer(0);
    // Readable over the phone: the year and a serial number.
    const QString reference = QStringLiteral("%1-%2")
                                  .arg(QDateTime::fromMSecsSinceEpoch(atMs).date().year())
                                  .arg(id, 6, 10, QLatin1Char('0'));
    m_db.prepare(QStringLiteral("INSERT INTO cases (id, reference, type, status, service, kiosk_id, opened_by, "
                                "opened_at_ms, updated_at_ms) VALUES (?, ?, ?, 'open', ?, ?, ?, ?, ?)"))
        .bind(1, id)
        .bind(2, reference)
        .bind(3, type)
        .bind(4, service)
        .bind(5, optionalValue(kioskId))
        .bind(6, optionalValue(advisorId))
        .bind(7, atMs)
        .bind(8, atMs)
        .run();
    transaction.commit();
    return {id, reference, type, QStringLiteral("open"), service, kioskId, advisorId, atMs, atMs, {}};
}

std::optional<CaseRecord> Store::caseById(qint64 caseId)
{
    auto row = m_db.prepare(QStringLiteral("SELECT id, reference, type, status, service, kiosk_id, opened_by, "
                                           "opened_at_ms, updated_at_ms FROM cases WHERE id = ?"));
    row.bind(1, caseId);
    if (!row.step())
        return std::nullopt;
    CaseRecord record{row.integer(0), row.text(1), row.text(2), row.text(3), row.text(4), row.optionalInteger(5),
        row.optionalInteger(6), row.integer(7), row.integer(8), {}};
    auto notes
        = m_db.prepare(QStringLiteral("SELECT n.at_ms, COALESCE(a.display_name, ''), n.text FROM case_notes n "
                                      "LEFT JOIN advisors a ON a.id = n.advisor_id WHERE n.case_id = ? ORDER BY n.id"));
    notes.bind(1, caseId);
    while (notes.step())
        record.notes.append({notes.integer(0), notes.text(1), notes.text(2)});
    return record;
}

void Store::updateCase(qint64 caseId, const QString &type, const QString &status, qint64 atMs)
{
    m_db.prepare(QStringLiteral("UPDATE cases SET type = ?, status = ?, updated_at_ms = ? WHERE id = ?"))
        .bind(1, type)
        .bind(2, status)
        .bind(3, atMs)
        .bind(4, caseId)
        .run();
}

void Store::addCaseNote(qint64 caseId, qint64 advisorId, const QString &text, qint64 atMs)
{
    Transaction transaction(m_db);
    m_db.prepare(QStringLiteral("INSERT INTO case_notes (case_id, advisor_id, at_ms, text) VALUES (?, ?, ?, ?)"))
        .bind(1, caseId)
        .bind(2, advisorId)
        .bind(3, atMs)
        .bind(4, text)
        .run();
    m_db.prepare(QStringLiteral("UPDATE cases SET updated_at_ms = ? WHERE id = ?")).bind(1, atMs).bind(2, caseId).run();
    transaction.commit();
}

void Store::setCallCase(const QString &callId, qint64 caseId)
{
    m_db.prepare(QStringLiteral("UPDATE calls SET case_id = ? WHERE id = ?")).bind(1, caseId).bind(2, callId).run();
}

bool Store::advisorWorkedOnCase(qint64 advisorId, qint64 caseId)
{
    auto row = m_db.prepare(QStringLiteral(
        "SELECT 1 FROM calls WHERE case_id = ? AND advisor_id = ? AND answered_at_ms IS NOT NULL LIMIT 1"));
    row.bind(1, caseId).bind(2, advisorId);
    return row.step();
}

bool Store::saveSurvey(const QString &callId, int rating, qint64 atMs)
{
    m_db.prepare(QStringLiteral("INSERT OR IGNORE INTO surveys (call_id, rating, at_ms) VALUES (?, ?, ?)"))
        .bind(1, callId)
        .bind(2, rating)
        .bind(3, atMs)
        .run();
    return m_db.changes() == 1;
}

} // namespace ventanilla::store

namespace ventanilla::store {

Store::Purged Store::purgePersonalData(qint64 cutoffMs)
{
    Transaction transaction(m_db);
    Purged purged;
    m_db.prepare(QStringLiteral("UPDATE appointments SET citizen_name = '', citizen_phone = '' WHERE starts_at_ms < ? "
                                "AND (citizen_name != '' OR citizen_phone != '')"))
        .bind(1, cutoffMs)
        .run();
    purged.appointments = m_db.changes();
    m_db.prepare(QStringLiteral("UPDATE callbacks SET citizen_name = '', citizen_phone = '', note = '', outcome = '' "
                                "WHERE requested_at_ms < ? AND (citizen_name != '' OR citizen_phone != '' "
                                "OR note != '' OR outcome != '')"))
        .bind(1, cutoffMs)
        .run();
    purged.callbacks = m_db.changes();
    m_db.prepare(QStringLiteral("UPDATE case_notes SET text = '' WHERE text != '' AND at_ms < ?1 AND case_id IN "
                                "(SELECT id FROM cases WHERE status IN ('resolved', 'closed') AND updated_at_ms < ?1)"))
        .bind(1, cutoffMs)
        .run();
    purged.caseNotes = m_db.changes();
    transaction.commit();
    return purged;
}

} // namespace ventanilla::store

namespace ventanilla::store {

void Store::setAdvisorShift(qint64 advisorId, const QString &shift)
{
    m_db.prepare(QStringLiteral("UPDATE advisors SET shift = ? WHERE id = ?")).bind(1, shift).bind(2, advisorId).run();
}

QString Store::advisorShift(qint64 advisorId)
{
    auto row = m_db.prepare(QStringLiteral("SELECT shift FROM advisors WHERE id = ?"));
    row.bind(1, advisorId);
    return row.step() ? row.text(0) : QString();
}

void Store::addAdvisorLeave(qint64 advisorId, const QDate &day, const QString &note)
{
    m_db.prepare(QStringLiteral("INSERT INTO advisor_leave (advisor_id, day, note) VALUES (?, ?, ?) "
                                "ON CONFLICT (advisor_id, day) DO UPDATE SET note = excluded.note"))
        .bind(1, advisorId)
        .bind(2, day.toString(Qt::ISODate))
        .bind(3, note)
        .run();
}

QList<QDate> Store::advisorLeave(qint64 advisorId)
{
    QList<QDate> days;
    auto row = m_db.prepare(QStringLiteral("SELECT day FROM advisor_leave WHERE advisor_id = ? ORDER BY day"));
    row.bind(1, advisorId);
    while (row.step())
        days << QDate::fromString(row.text(0), Qt::ISODate);
    return days;
}

} // namespace ventanilla::store
