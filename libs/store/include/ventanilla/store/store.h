// The hub's database as domain operations: advisors, kiosks, calls, call reports, audit.
// Methods throw StoreError; the hub turns that into an error reply at its boundary.
#pragma once

#include "ventanilla/store/database.h"

#include <QDate>
#include <QHash>
#include <QList>

#include <optional>

namespace ventanilla::store {

struct AdvisorRecord {
    qint64 id = 0;
    QString username;
    QString displayName;
    QString passwordHash;
    bool active = true;
};

struct KioskRecord {
    qint64 id = 0;
    QString siteId;
    QString municipality;
    QString credentialHash;
    bool active = true;
};

struct CallRecord {
    QString id;
    qint64 kioskId = 0;
    std::optional<qint64> advisorId;
    QString service;
    qint64 requestedAtMs = 0;
    std::optional<qint64> charterVersionId;
    bool preferred = false;
    std::optional<qint64> offeredAtMs;
    std::optional<qint64> answeredAtMs;
    std::optional<qint64> endedAtMs;
    QString endReason;
    std::optional<qint64> caseId;
    QString transferredFrom; // the call this one continues, after a transfer
};

// What one side measured of a call, sent by the client when the call ends.
struct CallReport {
    QString callId;
    QString role; // "kiosk" or "advisor"
    qint64 reportedAtMs = 0;
    std::optional<qint64> firstFrameAtMs;
    qint64 videoFrames = 0;
    qint64 desktopFrames = 0;
    qint64 audioPackets = 0;
    QString srtpCipher;
    QString statsJson = QStringLiteral("{}");
};

// One service of an imported charter, as kept for statistics.
struct ServiceRow {
    QString serviceId;
    QString nameEs;
    QString category;
    QString skill;
    int expectedHandling_s = 0;
    int commitmentPercent = 0;
    int commitmentWithin_s = 0;
    int maxWait_s = 0;
};

// An imported charter: its exact source text is kept, so what was promised is auditable.
struct CharterRecord {
    qint64 id = 0;
    QString version;
    QString sha256;
    QString source;
    qint64 importedAtMs = 0;
    bool active = false;
};

// A municipal office (oficina) where kiosks stand.
struct OfficeRecord {
    qint64 id = 0;
    QString ineCode; // the municipality's 5-digit INE code
    QString municipality;
    QString address;
    QString timeZone = QStringLiteral("Europe/Madrid");
    QString openingHours; // as written by IT staff, see hub/opening_hours.h
};

// A booked video appointment (cita previa) at an office's kiosk. The citizen checks in at
// the kiosk with the six-digit code.
struct AppointmentRecord {
    qint64 id = 0;
    QString code;
    qint64 officeId = 0;
    QString service;
    qint64 startsAtMs = 0;
    QString citizenName;
    QString citizenPhone;
    QString status = QStringLiteral("booked"); // booked, checked-in, attended, no-show, cancelled
    QString callId;
    qint64 bookedAtMs = 0;
    QString bookedBy; // "kiosk:<site>" or "admin"
    std::optional<qint64> checkedInAtMs;
};

// A citizen's request to be phoned back, kept as a task for the advisors.
struct CallbackRecord {
    qint64 id = 0;
    std::optional<qint64> kioskId;
    QString service;
    QString citizenName;
    QString citizenPhone;
    QString note;
    QString fromCallId; // the waiting call the citizen left for it, if any
    qint64 requestedAtMs = 0;
    QString status = QStringLiteral("open"); // open, taken, done, unreachable
    std::optional<qint64> advisorId;
    qint64 updatedAtMs = 0;
    QString outcome;
    QString municipality; // read only: the kiosk's
    QString advisorName; // read only: who took it
};

// A citizen's case (expediente): what it is about and where it stands, across calls and
// transfers. Notes are the advisors' record of what was done.
struct CaseNote {
    qint64 atMs = 0;
    QString advisorName;
    QString text;
};
struct CaseRecord {
    qint64 id = 0;
    QString reference; // "2026-000042"
    QString type; // claim, consultation, certificate, procedure, aid, other
    QString status = QStringLiteral("open"); // open, pending-citizen, pending-administration, resolved, closed
    QString service;
    std::optional<qint64> kioskId;
    std::optional<qint64> openedBy;
    qint64 openedAtMs = 0;
    qint64 updatedAtMs = 0;
    QList<CaseNote> notes;
};

// One call as statistics see it: times, outcome, where, who, and the commitment of the
// charter version it was made under. No personal data.
struct CallFact {
    QString callId;
    QString service;
    qint64 requestedAtMs = 0;
    std::optional<qint64> answeredAtMs;
    std::optional<qint64> endedAtMs;
    std::optional<qint64> wrapUpEndedAtMs;
    QString endReason;
    QString officeIne; // empty: kiosk not attached to an office
    QString municipality; // the office's, else the kiosk's
    QString advisor; // username of who answered; empty if nobody did
    int commitmentWithin_s = 0; // 0: unknown (no charter version recorded)
    int commitmentPercent = 0;
    bool preferred = false;
    bool appointment = false;
    std::optional<int> surveyRating; // 1..5, if the citizen answered the survey
    int offers = 0; // times offered to an advisor; all but the answered one were missed
};

// An advisor's state from atMs until their next change (see advisor_state_log).
struct AdvisorStateChange {
    QString advisor; // username
    QString state;
    qint64 atMs = 0;
};

enum class CharterImport { Unknown = 0, Imported, AlreadyActive, Reactivated };

class Store {
public:
    // Opens or creates the file and brings its schema up to date.
    static Store open(const QString &path);

    Database &database() { return m_db; }

    qint64 addAdvisor(const QString &username, const QString &displayName, const QString &passwordHash);
    std::optional<AdvisorRecord> advisorByUsername(const QString &username);
    QList<AdvisorRecord> advisors();

    // Replaces an advisor's skills (skill → level 1..9) in one transaction.
    void setAdvisorSkills(qint64 advisorId, const QHash<QString, int> &skills);
    QHash<QString, int> advisorSkills(qint64 advisorId);
    // An advisor's weekly shift, written like an office timetable (empty: no schedule), and
    // their days of leave.
    void setAdvisorShift(qint64 advisorId, const QString &shift);
    QString advisorShift(qint64 advisorId);
    void addAdvisorLeave(qint64 advisorId, const QDate &day, const QString &note);
    QList<QDate> advisorLeave(qint64 advisorId);
    // Every change of an advisor's state, for occupancy statistics.
    void logAdvisorState(qint64 advisorId, const QString &state, const QString &reason, qint64 atMs);
    struct StateChange {
        QString state;
        QString reason;
        qint64 atMs = 0;
    };
    QList<StateChange> advisorStateLog(qint64 advisorId);
    void markWrapUpEnded(const QString &callId, qint64 atMs);
    // Calls the advisor answered since sinceMs.
    int callsAnsweredSince(qint64 advisorId, qint64 sinceMs);

    qint64 addKiosk(const QString &siteId, const QString &municipality, const QString &credentialHash);
    std::optional<KioskRecord> kioskBySiteId(const QString &siteId);
    QList<KioskRecord> kiosks();

    void insertCall(const CallRecord &call);
    void markCallOffered(const QString &callId, qint64 advisorId, qint64 atMs);
    void markCallAnswered(const QString &callId, qint64 advisorId, qint64 atMs);
    // Only the first end counts: a call already ended keeps its time and reason.
    void markCallEnded(const QString &callId, qint64 atMs, const QString &reason);
    std::optional<CallRecord> call(const QString &callId);
    QList<CallRecord> recentCalls(int limit);
    // Calls requested and not yet ended (oldest first), with their kiosk's site id: what a
    // hub finds on start after a crash or restart.
    QList<QPair<CallRecord, QString>> unfinishedCalls();

    void saveCallReport(const CallReport &report);
    QList<CallReport> callReports(const QString &callId);

    // Imports a charter version and makes it the active one, in one transaction. The same
    // version with the same content is not imported twice; the same version with other
    // content is refused (StoreError): a changed charter needs a new version.
    CharterImport importCharter(const QString &version, const QString &source, const QList<ServiceRow> &services);
    std::optional<CharterRecord> activeCharter();
    QList<CharterRecord> charters();

    qint64 addOffice(const OfficeRecord &office);
    std::optional<OfficeRecord> officeByIneCode(const QString &ineCode);
    std::optional<OfficeRecord> officeOfKiosk(qint64 kioskId);
    QList<OfficeRecord> offices();
    void setOpeningHours(qint64 officeId, const QString &openingHours);
    // Adding a holiday that exists already just updates its note.
    void addHoliday(qint64 officeId, const QDate &day, const QString &note);
    QList<QDate> holidays(qint64 officeId);
    void attachKiosk(qint64 kioskId, qint64 officeId);

    // Appointments. Booking checks the slot's capacity inside the transaction that inserts,
    // so two kiosks cannot both take the last place; CodeTaken: draw another code.
    enum class Booking { Unknown = 0, Booked, SlotFull, CodeTaken };
    Booking bookAppointment(const AppointmentRecord &appointment, int slotCapacity);
    std::optional<AppointmentRecord> appointmentByCode(const QString &code);
    std::optional<AppointmentRecord> appointmentOfCall(const QString &callId);
    // Appointments of an office starting in [fromMs, toMs), cancelled ones included.
    QList<AppointmentRecord> appointments(qint64 officeId, qint64 fromMs, qint64 toMs);
    // How many live (not cancelled) appointments each slot start has, for an office.
    QHash<qint64, int> bookedPerSlot(qint64 officeId, qint64 fromMs, qint64 toMs);
    // Moves an appointment on only from the expected status; false if it was not in it.
    bool setAppointmentStatus(qint64 id, const QString &from, const QString &to, const QString &callId = {});
    // Booked appointments that started before the instant and were never checked in become
    // no-shows; returns their codes.
    QStringList markNoShows(qint64 startedBeforeMs);

    qint64 addCallback(const CallbackRecord &callback);
    std::optional<CallbackRecord> callback(qint64 id);
    // Open and taken call-backs, oldest first, plus those closed since closedSinceMs.
    QList<CallbackRecord> callbacks(qint64 closedSinceMs);
    void updateCallback(qint64 id, const QString &status, std::optional<qint64> advisorId, const QString &outcome);

    // Statistics: calls requested in [fromMs, toMs), oldest first; and every advisor's state
    // changes in it, each advisor's with the change in force at fromMs first.
    QList<CallFact> callFacts(qint64 fromMs, qint64 toMs);
    QList<AdvisorStateChange> advisorStateChanges(qint64 fromMs, qint64 toMs);
    // After a crash nobody logged the advisors out: records them offline at atMs.
    int closeOpenAdvisorStates(qint64 atMs, const QString &reason);

    // Cases. A case is opened when an advisor answers a call that has none; a transfer carries it on.
    CaseRecord openCase(const QString &type, const QString &service, std::optional<qint64> kioskId,
        std::optional<qint64> advisorId, qint64 atMs);
    std::optional<CaseRecord> caseById(qint64 caseId);
    void updateCase(qint64 caseId, const QString &type, const QString &status, qint64 atMs);
    void addCaseNote(qint64 caseId, qint64 advisorId, const QString &text, qint64 atMs);
    void setCallCase(const QString &callId, qint64 caseId);
    // Whether the advisor answered a call of the case: only they may change it.
    bool advisorWorkedOnCase(qint64 advisorId, qint64 caseId);
    // The citizen's rating of an answered call, once; false if it was already rated.
    bool saveSurvey(const QString &callId, int rating, qint64 atMs);

    // Retention: erases citizens' personal data recorded before cutoffMs — names and phones of
    // appointments and call-backs, call-back notes and outcomes, the notes of cases closed or
    // resolved by then — keeping every row, so statistics stay whole. One transaction.
    struct Purged {
        int appointments = 0;
        int callbacks = 0;
        int caseNotes = 0;
    };
    Purged purgePersonalData(qint64 cutoffMs);

    void audit(const QString &actor, const QString &action, const QString &detail = {});

private:
    explicit Store(Database db) : m_db(std::move(db)) { }
    Database m_db;
};

qint64 nowMs();

} // namespace ventanilla::store
