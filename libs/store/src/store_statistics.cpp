// The store's read side for statistics: calls with their context, advisors' state changes.
#include "ventanilla/store/store.h"

namespace ventanilla::store {

QList<CallFact> Store::callFacts(qint64 fromMs, qint64 toMs)
{
    QList<CallFact> facts;
    auto row = m_db.prepare(QStringLiteral(
        "SELECT c.id, c.service, c.requested_at_ms, c.answered_at_ms, c.ended_at_ms, c.wrap_up_ended_at_ms, "
        "COALESCE(c.end_reason, ''), COALESCE(o.ine_code, ''), COALESCE(o.municipality, k.municipality), "
        "COALESCE(a.username, ''), COALESCE(s.commitment_within_s, 0), COALESCE(s.commitment_percent, 0), c.preferred, "
        "EXISTS (SELECT 1 FROM appointments p WHERE p.call_id = c.id), v.rating, c.offers "
        "FROM calls c JOIN kiosks k ON k.id = c.kiosk_id LEFT JOIN offices o ON o.id = k.office_id "
        "LEFT JOIN advisors a ON a.id = c.advisor_id AND c.answered_at_ms IS NOT NULL "
        "LEFT JOIN services s ON s.charter_version_id = c.charter_version_id AND s.service_id = c.service "
        "LEFT JOIN surveys v ON v.call_id = c.id "
        "WHERE c.requested_at_ms >= ? AND c.requested_at_ms < ? ORDER BY c.requested_at_ms, c.rowid"));
    row.bind(1, fromMs).bind(2, toMs);
    while (row.step()) {
        facts.append({row.text(0), row.text(1), row.integer(2), row.optionalInteger(3), row.optionalInteger(4),
            row.optionalInteger(5), row.text(6), row.text(7), row.text(8), row.text(9),
            static_cast<int>(row.integer(10)), static_cast<int>(row.integer(11)), row.integer(12) != 0,
            row.integer(13) != 0, row.isNull(14) ? std::nullopt : std::optional<int>(static_cast<int>(row.integer(14))),
            static_cast<int>(row.integer(15))});
    }
    return facts;
}

QList<AdvisorStateChange> Store::advisorStateChanges(qint64 fromMs, qint64 toMs)
{
    QList<AdvisorStateChange> changes;
    auto row = m_db.prepare(QStringLiteral(
        "SELECT a.username, l.state, l.at_ms FROM advisor_state_log l JOIN advisors a ON a.id = l.advisor_id "
        "WHERE l.at_ms < ?1 AND (l.at_ms >= ?2 OR l.id = (SELECT MAX(p.id) FROM advisor_state_log p "
        "WHERE p.advisor_id = l.advisor_id AND p.at_ms < ?2)) ORDER BY l.advisor_id, l.id"));
    row.bind(1, toMs).bind(2, fromMs);
    while (row.step())
        changes.append({row.text(0), row.text(1), row.integer(2)});
    return changes;
}

int Store::closeOpenAdvisorStates(qint64 atMs, const QString &reason)
{
    Transaction transaction(m_db);
    auto open = m_db.prepare(QStringLiteral(
        "SELECT l.advisor_id FROM advisor_state_log l WHERE l.id = (SELECT MAX(p.id) FROM advisor_state_log p "
        "WHERE p.advisor_id = l.advisor_id) AND l.state != 'offline'"));
    QList<qint64> advisors;
    while (open.step())
        advisors << open.integer(0);
    for (const qint64 advisor : advisors)
        logAdvisorState(advisor, QStringLiteral("offline"), reason, atMs);
    transaction.commit();
    return static_cast<int>(advisors.size());
}

} // namespace ventanilla::store
