// What IT staff do from the command line: create the hub's data, add advisors and kiosks,
// list them, summarise a call, back up. Each validates first and changes nothing on failure.
#pragma once

#include "ventanilla/core/result.h"
#include "ventanilla/hub/charter.h"
#include "ventanilla/hub/hub_config.h"
#include "ventanilla/store/store.h"

#include <QJsonObject>

namespace ventanilla::hub::admin {

// Creates the data directory, the database (migrated) and the demo PKI when missing.
Result<QString> initialise(const HubConfig &config);

Result<QString> addAdvisor(
    store::Store &store, const QString &username, const QString &displayName, const QString &password);
// Sets an advisor's skills from "padron:1,ayudas:3,general" (level 1 is tried first, 9 last;
// no level means 1). An empty list makes the advisor a generalist who takes every service.
Result<QString> setSkills(store::Store &store, const QString &username, const QString &skills);

// An advisor's weekly shift, written like an office timetable ("mon-fri 08:00-15:00"; empty:
// no schedule), and a day of leave. When a shift ends the hub stops offering them calls.
Result<QString> setShift(store::Store &store, const QString &username, const QString &shift);
Result<QString> addLeave(store::Store &store, const QString &username, const QString &day, const QString &note);

// Returns the new kiosk's credential: shown once, only its hash is stored.
Result<QString> addKiosk(store::Store &store, const QString &siteId, const QString &municipality);

// Checks a charter file and makes it the one in force (a running hub notices within 10 s).
Result<QString> importCharter(store::Store &store, const QString &path);
// The charter in force, parsed from the database.
Result<Charter> charterInForce(store::Store &store);
// The charter in force: version and services with their commitments.
Result<QString> describeCharter(store::Store &store);
// The charter in force as a printable HTML page and/or a PDF.
Result<QString> exportCharter(store::Store &store, const QString &htmlPath, const QString &pdfPath);

// Municipal offices: INE code (5 digits), name, address, timetable (see opening_hours.h).
Result<QString> addOffice(store::Store &store, const QString &ineCode, const QString &municipality,
    const QString &address, const QString &openingHours, const QString &timeZone = QStringLiteral("Europe/Madrid"));
Result<QString> setOpeningHours(store::Store &store, const QString &ineCode, const QString &openingHours);
Result<QString> addHoliday(store::Store &store, const QString &ineCode, const QString &day, const QString &note);
Result<QString> attachKiosk(store::Store &store, const QString &siteId, const QString &ineCode);
// The offices with their timetables and whether each is open at now.
QString listOffices(store::Store &store, const QDateTime &now);

QString listAdvisors(store::Store &store, const QDateTime &now);
QString listKiosks(store::Store &store);
QString listCalls(store::Store &store, int limit);

// What both sides reported of a call, joined with the hub's record ("last" = newest call).
// Fields: call_id, setup_ms, frames_kiosk_to_console, frames_console_to_kiosk,
// audio_packets_kiosk_to_console, audio_packets_console_to_kiosk, desktop_frames,
// srtp_cipher, session_recorded.
Result<QJsonObject> callSummary(store::Store &store, const QString &callId);

// What in a call summary shows the call did not work both ways; empty when it did.
QStringList callProblems(const QJsonObject &summary);

// Appointments booked by phone or at the counter: the same slots and capacity a kiosk sees.
// WHEN is local time at the office, "2026-12-09 10:15".
Result<QString> bookAppointment(store::Store &store, const AppointmentRules &rules, const QString &ineCode,
    const QString &service, const QString &when, const QString &name, const QString &phone, const QDateTime &now);
// An office's appointments on a day (default today) with their status.
Result<QString> listAppointments(store::Store &store, const QString &ineCode, const QString &day, const QDateTime &now);
Result<QString> cancelAppointment(store::Store &store, const QString &code);
// Call-backs open and taken, and those closed in the last day.
QString listCallbacks(store::Store &store, const QDateTime &now);

// Statistics of the local days FROM to TO (inclusive, "2026-12-01"), grouped by a list of
// service, office, advisor, day, hour (see statistics.h), as CSV.
Result<QString> statisticsCsv(
    store::Store &store, const QString &fromDay, const QString &toDay, const QString &groupBy);
// Citizens in line and in conversation now, as the database has them (the running hub's view,
// since every change is written before it is acknowledged).
QString liveQueue(store::Store &store, const QDateTime &now);

// Erases citizens' personal data older than the retention period (see Store::purgePersonalData).
Result<QString> purge(store::Store &store, int retentionDays, const QDateTime &now);

Result<QString> backup(store::Store &store, const QString &targetPath);

} // namespace ventanilla::hub::admin
