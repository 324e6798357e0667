// Domain operations on the hub's SQLite database.
#include "ventanilla/store/store.h"

#include "ventanilla/store/migrations.h"

#include "sql_values.h"

#include <QCryptographicHash>
#include <QDateTime>

namespace ventanilla::store {
namespace {

CallRecord readCall(const Statement &row)
{
    CallRecord call;
    call.id = row.text(0);
    call.kioskId = row.integer(1);
    call.advisorId = row.optionalInteger(2);
    call.service = row.text(3);
    call.requestedAtMs = row.integer(4);
    call.offeredAtMs = row.optionalInteger(5);
    call.answeredAtMs = row.optionalInteger(6);
    call.endedAtMs = row.optionalInteger(7);
    call.endReason = row.text(8);
    call.charterVersionId = row.optionalInteger(9);
    call.preferred = row.integer(10) != 0;
    call.caseId = row.optionalInteger(11);
    call.transferredFrom = row.text(12);
    return call;
}

const QString kCallColumns
    = QStringLiteral("id, kiosk_id, advisor_id, service, requested_at_ms, offered_at_ms, "
                     "answered_at_ms, ended_at_ms, end_reason, charter_version_id, preferred, case_id, "
                     "COALESCE(transferred_from, '')");

CharterRecord readCharter(const Statement &row)
{
    return {row.integer(0), row.text(1), row.text(2), row.text(3), row.integer(4), row.integer(5) != 0};
}

const QString kCharterColumns = QStringLiteral("id, version, sha256, source, imported_at_ms, active");

} // namespace

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

Store Store::open(const QString &path)
{
    Database db = Database::open(path);
    migrate(db);
    return Store(std::move(db));
}

qint64 Store::addAdvisor(const QString &username, const QString &displayName, const QString &passwordHash)
{
    m_db.prepare(QStringLiteral(
                     "INSERT INTO advisors (username, display_name, password_hash, created_at_ms) VALUES (?, ?, ?, ?)"))
        .bind(1, username)
        .bind(2, displayName)
        .bind(3, passwordHash)
        .bind(4, nowMs())
        .run();
    return m_db.lastInsertRowId();
}

std::optional<AdvisorRecord> Store::advisorByUsername(const QString &username)
{
    auto row = m_db.prepare(
        QStringLiteral("SELECT id, username, display_name, password_hash, active FROM advisors WHERE username = ?"));
    row.bind(1, username);
    if (!row.step())
        return std::nullopt;
    return AdvisorRecord{row.integer(0), row.text(1), row.text(2), row.text(3), row.integer(4) != 0};
}

QList<AdvisorRecord> Store::advisors()
{
    QList<AdvisorRecord> result;
    auto row = m_db.prepare(
        QStringLiteral("SELECT id, username, display_name, password_hash, active FROM advisors ORDER BY username"));
    while (row.step())
        result.append({row.integer(0), row.text(1), row.text(2), row.text(3), row.integer(4) != 0});
    return result;
}

void Store::setAdvisorSkills(qint64 advisorId, const QHash<QString, int> &skills)
{
    Transaction transaction(m_db);
    m_db.prepare(QStringLiteral("DELETE FROM advisor_skills WHERE advisor_id = ?")).bind(1, advisorId).run();
    for (auto it = skills.cbegin(); it != skills.cend(); ++it) {
        m_db.prepare(QStringLiteral("INSERT INTO advisor_skills (advisor_id, skill, level) VALUES (?, ?, ?)"))
            .bind(1, advisorId)
            .bind(2, it.key())
            .bind(3, it.value())
            .run();
    }
    transaction.commit();
}

QHash<QString, int> Store::advisorSkills(qint64 advisorId)
{
    QHash<QString, int> skills;
    auto row = m_db.prepare(QStringLiteral("SELECT skill, level FROM advisor_skills WHERE advisor_id = ?"));
    row.bind(1, advisorId);
    while (row.step())
        skills.insert(row.text(0), static_cast<int>(row.integer(1)));
    return skills;
}

void Store::logAdvisorState(qint64 advisorId, const QString &state, const QString &reason, qint64 atMs)
{
    m_db.prepare(QStringLiteral("INSERT INTO advisor_state_log (advisor_id, state, reason, at_ms) VALUES (?, ?, ?, ?)"))
        .bind(1, advisorId)
        .bind(2, state)
        .bind(3, reason)
        .bind(4, atMs)
        .run();
}

QList<Store::StateChange> Store::advisorStateLog(qint64 advisorId)
{
    QList<StateChange> changes;
    auto row = m_db.prepare(
        QStringLiteral("SELECT state, reason, at_ms FROM advisor_state_log WHERE advisor_id = ? ORDER BY id"));
    row.bind(1, advisorId);
    while (row.step())
        changes.append({row.text(0), row.text(1), row.integer(2)});
    return changes;
}

void Store::markWrapUpEnded(const QString &callId, qint64 atMs)
{
    m_db.prepare(
            QStringLiteral("UPDATE calls SET wrap_up_ended_at_ms = ? WHERE id = ? AND wrap_up_ended_at_ms IS NULL"))
        .bind(1, atMs)
        .bind(2, callId)
        .run();
}

int Store::callsAnsweredSince(qint64 advisorId, qint64 sinceMs)
{
    auto row = m_db.prepare(QStringLiteral("SELECT COUNT(*) FROM calls WHERE advisor_id = ? AND answered_at_ms >= ?"));
    row.bind(1, advisorId).bind(2, sinceMs);
    row.step();
    return static_cast<int>(row.integer(0));
}

qint64 Store::addKiosk(const QString &siteId, const QString &municipality, const QString &credentialHash)
{
    m_db.prepare(QStringLiteral(
                     "INSERT INTO kiosks (site_id, municipality, credential_hash, created_at_ms) VALUES (?, ?, ?, ?)"))
        .bind(1, siteId)
        .bind(2, municipality)
        .bind(3, credentialHash)
        .bind(4, nowMs())
        .run();
    return m_db.lastInsertRowId();
}

std::optional<KioskRecord> Store::kioskBySiteId(const QString &siteId)
{
    auto row = m_db.prepare(
        QStringLiteral("SELECT id, site_id, municipality, credential_hash, active FROM kiosks WHERE site_id = ?"));
    row.bind(1, siteId);
    if (!row.step())
        return std::nullopt;
    return KioskRecord{row.integer(0), row.text(1), row.text(2), row.text(3), row.integer(4) != 0};
}

QList<KioskRecord> Store::kiosks()
{
    QList<KioskRecord> result;
    auto row = m_db.prepare(
        QStringLiteral("SELECT id, site_id, municipality, credential_hash, active FROM kiosks ORDER BY site_id"));
    while (row.step())
        result.append({row.integer(0), row.text(1), row.text(2), row.text(3), row.integer(4) != 0});
    return result;
}

void Store::insertCall(const CallRecord &call)
{
    m_db.prepare(QStringLiteral("INSERT INTO calls (id, kiosk_id, advisor_id, service, requested_at_ms, offered_at_ms, "
                                "answered_at_ms, ended_at_ms, end_reason, charter_version_id, preferred, case_id, "
                                "transferred_from) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"))
        .bind(1, call.id)
        .bind(2, call.kioskId)
        .bind(3, optionalValue(call.advisorId))
        .bind(4, call.service)
        .bind(5, call.requestedAtMs)
        .bind(6, optionalValue(call.offeredAtMs))
        .bind(7, optionalValue(call.answeredAtMs))
        .bind(8, optionalValue(call.endedAtMs))
        .bind(9, call.endReason.isEmpty() ? QVariant() : QVariant(call.endReason))
        .bind(10, optionalValue(call.charterVersionId))
        .bind(11, call.preferred)
        .bind(12, optionalValue(call.caseId))
        .bind(13, textOrNull(call.transferredFrom))
        .run();
}

void Store::markCallOffered(const QString &callId, qint64 advisorId, qint64 atMs)
{
    m_db.prepare(QStringLiteral("UPDATE calls SET advisor_id = ?, offered_at_ms = ?, offers = offers + 1 "
                                "WHERE id = ? AND ended_at_ms IS NULL"))
        .bind(1, advisorId)
        .bind(2, atMs)
        .bind(3, callId)
        .run();
}

void Store::markCallAnswered(const QString &callId, qint64 advisorId, qint64 atMs)
{
    m_db.prepare(
            QStringLiteral("UPDATE calls SET advisor_id = ?, answered_at_ms = ? WHERE id = ? AND ended_at_ms IS NULL"))
        .bind(1, advisorId)
        .bind(2, atMs)
        .bind(3, callId)
        .run();
}

void Store::markCallEnded(const QString &callId, qint64 atMs, const QString &reason)
{
    m_db.prepare(
            QStringLiteral("UPDATE calls SET ended_at_ms = ?, end_reason = ? WHERE id = ? AND ended_at_ms IS NULL"))
        .bind(1, atMs)
        .bind(2, reason)
        .bind(3, callId)
        .run();
}

std::optional<CallRecord> Store::call(const QString &callId)
{
    auto row = m_db.prepare(QStringLiteral("SELECT ") + kCallColumns + QStringLiteral(" FROM calls WHERE id = ?"));
    row.bind(1, callId);
    if (!row.step())
        return std::nullopt;
    return readCall(row);
}

QList<CallRecord> Store::recentCalls(int limit)
{
    QList<CallRecord> result;
    auto row = m_db.prepare(QStringLiteral("SELECT ") + kCallColumns
        + QStringLiteral(" FROM calls ORDER BY requested_at_ms DESC, rowid DESC LIMIT ?"));
    row.bind(1, limit);
    while (row.step())
        result.append(readCall(row));
    return result;
}

QList<QPair<CallRecord, QString>> Store::unfinishedCalls()
{
    QList<QPair<CallRecord, QString>> result;
    auto row = m_db.prepare(QStringLiteral(
        "SELECT c.id, c.kiosk_id, c.advisor_id, c.service, c.requested_at_ms, c.offered_at_ms, "
        "c.answered_at_ms, c.ended_at_ms, c.end_reason, c.charter_version_id, c.preferred, "
        "c.case_id, COALESCE(c.transferred_from, ''), k.site_id FROM calls c JOIN kiosks k ON k.id = c.kiosk_id "
        "WHERE c.ended_at_ms IS NULL ORDER BY c.requested_at_ms, c.rowid"));
    while (row.step())
        result.append({readCall(row), row.text(13)});
    return result;
}

void Store::saveCallReport(const CallReport &report)
{
    m_db.prepare(
            QStringLiteral(
                "INSERT OR REPLACE INTO call_reports (call_id, role, reported_at_ms, first_frame_at_ms, video_frames, "
                "desktop_frames, audio_packets, srtp_cipher, stats_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"))
        .bind(1, report.callId)
        .bind(2, report.role)
        .bind(3, report.reportedAtMs)
        .bind(4, optionalValue(report.firstFrameAtMs))
        .bind(5, report.videoFrames)
        .bind(6, report.desktopFrames)
        .bind(7, report.audioPackets)
        .bind(8, report.srtpCipher)
        .bind(9, report.statsJson)
        .run();
}

QList<CallReport> Store::callReports(const QString &callId)
{
    QList<CallReport> result;
    auto row = m_db.prepare(QStringLiteral(
        "SELECT call_id, role, reported_at_ms, first_frame_at_ms, video_frames, desktop_frames, audio_packets, "
        "srtp_cipher, stats_json FROM call_reports WHERE call_id = ? ORDER BY role"));
    row.bind(1, callId);
    while (row.step()) {
        result.append({row.text(0), row.text(1), row.integer(2), row.optionalInteger(3), row.integer(4), row.integer(5),
            row.integer(6), row.text(7), row.text(8)});
    }
    return result;
}

CharterImport Store::importCharter(const QString &version, const QString &source, const QList<ServiceRow> &services)
{
    const QString sha256
        = QString::fromLatin1(QCryptographicHash::hash(source.toUtf8(), QCryptographicHash::Sha256).toHex());
    Transaction transaction(m_db);
    auto existing = m_db.prepare(
        QStringLiteral("SELECT ") + kCharterColumns + QStringLiteral(" FROM charter_versions WHERE version = ?"));
    existing.bind(1, version);
    if (existing.step()) {
        const CharterRecord record = readCharter(existing);
        if (record.sha256 != sha256) {
            throw StoreError(QStringLiteral("charter version %1 was already imported with different content; "
                                            "give the changed charter a new version")
                                 .arg(version)
                                 .toStdString());
        }
        if (record.active)
            return CharterImport::AlreadyActive;
        m_db.exec(QStringLiteral("UPDATE charter_versions SET active = 0 WHERE active = 1"));
        m_db.prepare(QStringLiteral("UPDATE charter_versions SET active = 1 WHERE id = ?")).bind(1, record.id).run();
        transaction.commit();
        return CharterImport::Reactivated;
    }
    m_db.exec(QStringLiteral("UPDATE charter_versions SET active = 0 WHERE active = 1"));
    m_db
        .prepare(QStringLiteral(
            "INSERT INTO charter_versions (version, sha256, source, imported_at_ms, active) VALUES (?, ?, ?, ?, 1)"))
        .bind(1, version)
        .bind(2, sha256)
        .bind(3, source)
        .bind(4, nowMs())
        .run();
    const qint64 versionId = m_db.lastInsertRowId();
    for (const ServiceRow &service : services) {
        m_db.prepare(QStringLiteral("INSERT INTO services (charter_version_id, service_id, name_es, category, skill, "
                                    "expected_handling_s, commitment_percent, commitment_within_s, max_wait_s) "
                                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"))
            .bind(1, versionId)
            .bind(2, service.serviceId)
            .bind(3, service.nameEs)
            .bind(4, service.category)
            .bind(5, service.skill)
            .bind(6, service.expectedHandling_s)
            .bind(7, service.commitmentPercent)
            .bind(8, service.commitmentWithin_s)
            .bind(9, service.maxWait_s)
            .run();
    }
    transaction.commit();
    return CharterImport::Imported;
}

std::optional<CharterRecord> Store::activeCharter()
{
    auto row = m_db.prepare(
        QStringLiteral("SELECT ") + kCharterColumns + QStringLiteral(" FROM charter_versions WHERE active = 1"));
    if (!row.step())
        return std::nullopt;
    return readCharter(row);
}

QList<CharterRecord> Store::charters()
{
    QList<CharterRecord> result;
    auto row = m_db.prepare(
        QStringLiteral("SELECT ") + kCharterColumns + QStringLiteral(" FROM charter_versions ORDER BY id"));
    while (row.step())
        result.append(readCharter(row));
    return result;
}

namespace {
const QString kOfficeColumns = QStringLiteral("id, ine_code, municipality, address, time_zone, opening_hours");
OfficeRecord readOffice(const Statement &row)
{
    return {row.integer(0), row.text(1), row.text(2), row.text(3), row.text(4), row.text(5)};
}
} // namespace

qint64 Store::addOffice(const OfficeRecord &office)
{
    m_db.prepare(QStringLiteral(
                     "INSERT INTO offices (ine_code, municipality, address, time_zone, opening_hours, created_at_ms) "
                     "VALUES (?, ?, ?, ?, ?, ?)"))
        .bind(1, office.ineCode)
        .bind(2, office.municipality)
        .bind(3, office.address)
        .bind(4, office.timeZone)
        .bind(5, office.openingHours)
        .bind(6, nowMs())
        .run();
    return m_db.lastInsertRowId();
}

std::optional<OfficeRecord> Store::officeByIneCode(const QString &ineCode)
{
    auto row
        = m_db.prepare(QStringLiteral("SELECT ") + kOfficeColumns + QStringLiteral(" FROM offices WHERE ine_code = ?"));
    row.bind(1, ineCode);
    if (!row.step())
        return std::nullopt;
    return readOffice(row);
}

std::optional<OfficeRecord> Store::officeOfKiosk(qint64 kioskId)
{
    auto row = m_db.prepare(
        QStringLiteral("SELECT o.id, o.ine_code, o.municipality, o.address, o.time_zone, o.opening_hours "
                       "FROM offices o JOIN kiosks k ON k.office_id = o.id WHERE k.id = ?"));
    row.bind(1, kioskId);
    if (!row.step())
        return std::nullopt;
    return readOffice(row);
}

QList<OfficeRecord> Store::offices()
{
    QList<OfficeRecord> result;
    auto row = m_db.prepare(
        QStringLiteral("SELECT ") + kOfficeColumns + QStringLiteral(" FROM offices ORDER BY municipality"));
    while (row.step())
        result.append(readOffice(row));
    return result;
}

void Store::setOpeningHours(qint64 officeId, const QString &openingHours)
{
    m_db.prepare(QStringLiteral("UPDATE offices SET opening_hours = ? WHERE id = ?"))
        .bind(1, openingHours)
        .bind(2, officeId)
        .run();
}

void Store::addHoliday(qint64 officeId, const QDate &day, const QString &note)
{
    m_db.prepare(QStringLiteral("INSERT INTO office_holidays (office_id, day, note) VALUES (?, ?, ?) "
                                "ON CONFLICT (office_id, day) DO UPDATE SET note = excluded.note"))
        .bind(1, officeId)
        .bind(2, day.toString(Qt::ISODate))
        .bind(3, note)
        .run();
}

QList<QDate> Store::holidays(qint64 officeId)
{
    QList<QDate> result;
    auto row = m_db.prepare(QStringLiteral("SELECT day FROM office_holidays WHERE office_id = ? ORDER BY day"));
    row.bind(1, officeId);
    while (row.step())
        result.append(QDate::fromString(row.text(0), Qt::ISODate));
    return result;
}

void Store::attachKiosk(qint64 kioskId, qint64 officeId)
{
    m_db.prepare(QStringLiteral("UPDATE kiosks SET office_id = ? WHERE id = ?"))
        .bind(1, officeId)
        .bind(2, kioskId)
        .run();
}

void Store::audit(const QString &actor, const QString &action, const QString &detail)
{
    m_db.prepare(QStringLiteral("INSERT INTO audit_log (at_ms, actor, action, detail) VALUES (?, ?, ?, ?)"))
        .bind(1, nowMs())
        .bind(2, actor)
        .bind(3, action)
        .bind(4, detail)
        .run();
}

} // namespace ventanilla::store
