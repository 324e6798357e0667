// Appointments (cita previa) and call-back requests in the hub's database.
#include "ventanilla/store/store.h"

#include "sql_values.h"

namespace ventanilla::store {
namespace {

const QString kAppointmentColumns
    = QStringLiteral("id, code, office_id, service, starts_at_ms, citizen_name, citizen_phone, status, "
                     "COALESCE(call_id, ''), booked_at_ms, booked_by, checked_in_at_ms");

AppointmentRecord readAppointment(const Statement &row)
{
    return {row.integer(0), row.text(1), row.integer(2), row.text(3), row.integer(4), row.text(5), row.text(6),
        row.text(7), row.text(8), row.integer(9), row.text(10), row.optionalInteger(11)};
}

} // namespace

Store::Booking Store::bookAppointment(const AppointmentRecord &appointment, int slotCapacity)
{
    Transaction transaction(m_db);
    auto taken = m_db.prepare(QStringLiteral(
        "SELECT COUNT(*) FROM appointments WHERE office_id = ? AND starts_at_ms = ? AND status != 'cancelled'"));
    taken.bind(1, appointment.officeId).bind(2, appointment.startsAtMs);
    taken.step();
    if (taken.integer(0) >= slotCapacity)
        return Booking::SlotFull;
    auto sameCode = m_db.prepare(QStringLiteral("SELECT 1 FROM appointments WHERE code = ?"));
    sameCode.bind(1, appointment.code);
    if (sameCode.step())
        return Booking::CodeTaken;
    m_db.prepare(
            QStringLiteral("INSERT INTO appointments (code, office_id, service, starts_at_ms, citizen_name, "
                           "citizen_phone, status, booked_at_ms, booked_by) VALUES (?, ?, ?, ?, ?, ?, 'booked', ?, ?)"))
        .bind(1, appointment.code)
        .bind(2, appointment.officeId)
        .bind(3, appointment.service)
        .bind(4, appointment.startsAtMs)
        .bind(5, appointment.citizenName)
        .bind(6, appointment.citizenPhone)
        .bind(7, appointment.bookedAtMs)
        .bind(8, appointment.bookedBy)
        .run();
    transaction.commit();
    return Booking::Booked;
}

std::optional<AppointmentRecord> Store::appointmentByCode(const QString &code)
{
    auto row = m_db.prepare(
        QStringLiteral("SELECT ") + kAppointmentColumns + QStringLiteral(" FROM appointments WHERE code = ?"));
    row.bind(1, code);
    if (!row.step())
        return std::nullopt;
    return readAppointment(row);
}

std::optional<AppointmentRecord> Store::appointmentOfCall(const QString &callId)
{
    auto row = m_db.prepare(
        QStringLiteral("SELECT ") + kAppointmentColumns + QStringLiteral(" FROM appointments WHERE call_id = ?"));
    row.bind(1, callId);
    if (!row.step())
        return std::nullopt;
    return readAppointment(row);
}

QList<AppointmentRecord> Store::appointments(qint64 officeId, qint64 fromMs, qint64 toMs)
{
    QList<AppointmentRecord> result;
    auto row = m_db.prepare(QStringLiteral("SELECT ") + kAppointmentColumns
        + QStringLiteral(" FROM appointments WHERE office_id = ? AND starts_at_ms >= ? AND starts_at_ms < ? "
                         "ORDER BY starts_at_ms, id"));
    row.bind(1, officeId).bind(2, fromMs).bind(3, toMs);
    while (row.step())
        result.append(readAppointment(row));
    return result;
}

QHash<qint64, int> Store::bookedPerSlot(qint64 officeId, qint64 fromMs, qint64 toMs)
{
    QHash<qint64, int> result;
    auto row = m_db.prepare(
        QStringLiteral("SELECT starts_at_ms, COUNT(*) FROM appointments WHERE office_id = ? AND starts_at_ms >= ? "
                       "AND starts_at_ms < ? AND status != 'cancelled' GROUP BY starts_at_ms"));
    row.bind(1, officeId).bind(2, fromMs).bind(3, toMs);
    while (row.step())
        result.insert(row.integer(0), static_cast<int>(row.integer(1)));
    return result;
}

bool Store::setAppointmentStatus(qint64 id, const QString &from, const QString &to, const QString &callId)
{
    m_db.prepare(QStringLiteral("UPDATE appointments SET status = ?, call_id = COALESCE(?, call_id), "
                                "checked_in_at_ms = CASE WHEN ? = 'checked-in' THEN ? ELSE checked_in_at_ms END "
                                "WHERE id = ? AND status = ?"))
        .bind(1, to)
        .bind(2, textOrNull(callId))
        .bind(3, to)
        .bind(4, nowMs())
        .bind(5, id)
        .bind(6, from)
        .run();
    return m_db.changes() == 1;
}

QStringList Store::markNoShows(qint64 startedBeforeMs)
{
    Transaction transaction(m_db);
    QStringList codes;
    auto row = m_db.prepare(QStringLiteral(
        "SELECT code FROM appointments WHERE status = 'booked' AND starts_at_ms < ? ORDER BY starts_at_ms"));
    row.bind(1, startedBeforeMs);
    while (row.step())
        codes << row.text(0);
    m_db.prepare(
            QStringLiteral("UPDATE appointments SET status = 'no-show' WHERE status = 'booked' AND starts_at_ms < ?"))
        .bind(1, startedBeforeMs)
        .run();
    transaction.commit();
    return codes;
}

qint64 Store::addCallback(const CallbackRecord &callback)
{
    m_db.prepare(QStringLiteral("INSERT INTO callbacks (kiosk_id, service, citizen_name, citizen_phone, note, "
                                "from_call_id, requested_at_ms, status, updated_at_ms) VALUES (?, ?, ?, ?, ?, ?, ?, "
                                "'open', ?)"))
        .bind(1, optionalValue(callback.kioskId))
        .bind(2, callback.service)
        .bind(3, callback.citizenName)
        .bind(4, callback.citizenPhone)
        .bind(5, callback.note)
        .bind(6, textOrNull(callback.fromCallId))
        .bind(7, callback.requestedAtMs)
        .bind(8, callback.requestedAtMs)
        .run();
    return m_db.lastInsertRowId();
}

namespace {

const QString kCallbackQuery = QStringLiteral(
    "SELECT c.id, c.kiosk_id, c.service, c.citizen_name, c.citizen_phone, c.note, COALESCE(c.from_call_id, ''), "
    "c.requested_at_ms, c.status, c.advisor_id, c.updated_at_ms, c.outcome, COALESCE(k.municipality, ''), "
    "COALESCE(a.display_name, '') FROM callbacks c LEFT JOIN kiosks k ON k.id = c.kiosk_id "
    "LEFT JOIN advisors a ON a.id = c.advisor_id ");

CallbackRecord readCallback(const Statement &row)
{
    return {row.integer(0), row.optionalInteger(1), row.text(2), row.text(3), row.text(4), row.text(5), row.text(6),
        row.integer(7), row.text(8), row.optionalInteger(9), row.integer(10), row.text(11), row.text(12), row.text(13)};
}

} // namespace

std::optional<CallbackRecord> Store::callback(qint64 id)
{
    auto row = m_db.prepare(kCallbackQuery + QStringLiteral("WHERE c.id = ?"));
    row.bind(1, id);
    if (!row.step())
        return std::nullopt;
    return readCallback(row);
}

QList<CallbackRecord> Store::callbacks(qint64 closedSinceMs)
{
    QList<CallbackRecord> result;
    auto row = m_db.prepare(kCallbackQuery
        + QStringLiteral(
            "WHERE c.status IN ('open', 'taken') OR c.updated_at_ms >= ? ORDER BY c.requested_at_ms, c.id"));
    row.bind(1, closedSinceMs);
    while (row.step())
        result.append(readCallback(row));
    return result;
}

void Store::updateCallback(qint64 id, const QString &status, std::optional<qint64> advisorId, const QString &outcome)
{
    m_db.prepare(QStringLiteral("UPDATE callbacks SET status = ?, advisor_id = ?, outcome = ?, updated_at_ms = ? "
                                "WHERE id = ?"))
        .bind(1, status)
        .bind(2, optionalValue(advisorId))
        .bind(3, outcome)
        .bind(4, nowMs())
        .bind(5, id)
        .run();
}

} // namespace ventanilla::store
