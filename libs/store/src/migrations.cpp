// The schema's history as numbered migrations, and the code that applies them.
#include "ventanilla/store/migrations.h"

#include "ventanilla/store/logging.h"

namespace ventanilla::store {

const std::vector<Migration> &migrations()
{
    static const std::vector<Migration> all{
        {1, "advisors, kiosks, calls, call reports, audit log", R"sql(
CREATE TABLE advisors (
  id            INTEGER PRIMARY KEY,
  username      TEXT NOT NULL UNIQUE,
  display_name  TEXT NOT NULL,
  password_hash TEXT NOT NULL,
  active        INTEGER NOT NULL DEFAULT 1,
  created_at_ms INTEGER NOT NULL
);
CREATE TABLE kiosks (
  id              INTEGER PRIMARY KEY,
  site_id         TEXT NOT NULL UNIQUE,
  municipality    TEXT NOT NULL,
  credential_hash TEXT NOT NULL,
  active          INTEGER NOT NULL DEFAULT 1,
  created_at_ms   INTEGER NOT NULL
);
CREATE TABLE calls (
  id              TEXT PRIMARY KEY,
  kiosk_id        INTEGER NOT NULL REFERENCES kiosks(id),
  advisor_id      INTEGER REFERENCES advisors(id),
  service         TEXT NOT NULL,
  requested_at_ms INTEGER NOT NULL,
  offered_at_ms   INTEGER,
  answered_at_ms  INTEGER,
  ended_at_ms     INTEGER,
  end_reason      TEXT
);
CREATE INDEX calls_requested ON calls(requested_at_ms);
CREATE TABLE call_reports (
  call_id          TEXT NOT NULL REFERENCES calls(id),
  role             TEXT NOT NULL CHECK (role IN ('kiosk', 'advisor')),
  reported_at_ms   INTEGER NOT NULL,
  first_frame_at_ms INTEGER,
  video_frames     INTEGER NOT NULL DEFAULT 0,
  desktop_frames   INTEGER NOT NULL DEFAULT 0,
  audio_packets    INTEGER NOT NULL DEFAULT 0,
  srtp_cipher      TEXT NOT NULL DEFAULT '',
  stats_json       TEXT NOT NULL DEFAULT '{}',
  PRIMARY KEY (call_id, role)
);
CREATE TABLE audit_log (
  id     INTEGER PRIMARY KEY,
  at_ms  INTEGER NOT NULL,
  actor  TEXT NOT NULL,
  action TEXT NOT NULL,
  detail TEXT NOT NULL DEFAULT ''
);
)sql"},
        {2, "services charter versions and their services; the charter version of each call", R"sql(
CREATE TABLE charter_versions (
  id             INTEGER PRIMARY KEY,
  version        TEXT NOT NULL UNIQUE,
  sha256         TEXT NOT NULL,
  source         TEXT NOT NULL,
  imported_at_ms INTEGER NOT NULL,
  active         INTEGER NOT NULL DEFAULT 0 CHECK (active IN (0, 1))
);
CREATE UNIQUE INDEX charter_versions_one_active ON charter_versions(active) WHERE active = 1;
CREATE TABLE services (
  charter_version_id  INTEGER NOT NULL REFERENCES charter_versions(id),
  service_id          TEXT NOT NULL,
  name_es             TEXT NOT NULL,
  category            TEXT NOT NULL,
  skill               TEXT NOT NULL,
  expected_handling_s INTEGER NOT NULL,
  commitment_percent  INTEGER NOT NULL,
  commitment_within_s INTEGER NOT NULL,
  max_wait_s          INTEGER NOT NULL,
  PRIMARY KEY (charter_version_id, service_id)
);
ALTER TABLE calls ADD COLUMN charter_version_id INTEGER REFERENCES charter_versions(id);
)sql"},
        {3, "municipal offices with opening hours and holidays; the office of each kiosk", R"sql(
CREATE TABLE offices (
  id            INTEGER PRIMARY KEY,
  ine_code      TEXT NOT NULL UNIQUE CHECK (length(ine_code) = 5),
  municipality  TEXT NOT NULL,
  address       TEXT NOT NULL DEFAULT '',
  time_zone     TEXT NOT NULL DEFAULT 'Europe/Madrid',
  opening_hours TEXT NOT NULL DEFAULT '',
  created_at_ms INTEGER NOT NULL
);
CREATE TABLE office_holidays (
  office_id INTEGER NOT NULL REFERENCES offices(id),
  day       TEXT NOT NULL,
  note      TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (office_id, day)
);
ALTER TABLE kiosks ADD COLUMN office_id INTEGER REFERENCES offices(id);
)sql"},
        {4, "advisors' skills with their levels", R"sql(
CREATE TABLE advisor_skills (
  advisor_id INTEGER NOT NULL REFERENCES advisors(id),
  skill      TEXT NOT NULL,
  level      INTEGER NOT NULL CHECK (level BETWEEN 1 AND 9),
  PRIMARY KEY (advisor_id, skill)
);
)sql"},
        {5, "advisors' state changes (for occupancy) and the end of each call's wrap-up", R"sql(
CREATE TABLE advisor_state_log (
  id         INTEGER PRIMARY KEY,
  advisor_id INTEGER NOT NULL REFERENCES advisors(id),
  state      TEXT NOT NULL,
  reason     TEXT NOT NULL DEFAULT '',
  at_ms      INTEGER NOT NULL
);
CREATE INDEX advisor_state_log_by_advisor ON advisor_state_log(advisor_id, at_ms);
ALTER TABLE calls ADD COLUMN wrap_up_ended_at_ms INTEGER;
)sql"},
        {6, "whether a call asked for preferred attention", R"sql(
ALTER TABLE calls ADD COLUMN preferred INTEGER NOT NULL DEFAULT 0;
)sql"},
        {7, "appointments (cita previa) and call-back requests", R"sql(
CREATE TABLE appointments (
  id               INTEGER PRIMARY KEY,
  code             TEXT NOT NULL UNIQUE,
  office_id        INTEGER NOT NULL REFERENCES offices(id),
  service          TEXT NOT NULL,
  starts_at_ms     INTEGER NOT NULL,
  citizen_name     TEXT NOT NULL DEFAULT '',
  citizen_phone    TEXT NOT NULL DEFAULT '',
  status           TEXT NOT NULL DEFAULT 'booked'
                   CHECK (status IN ('booked', 'checked-in', 'attended', 'no-show', 'cancelled')),
  call_id          TEXT REFERENCES calls(id),
  booked_at_ms     INTEGER NOT NULL,
  booked_by        TEXT NOT NULL,
  checked_in_at_ms INTEGER
);
CREATE INDEX appointments_by_slot ON appointments(office_id, starts_at_ms);
CREATE TABLE callbacks (
  id              INTEGER PRIMARY KEY,
  kiosk_id        INTEGER REFERENCES kiosks(id),
  service         TEXT NOT NULL,
  citizen_name    TEXT NOT NULL DEFAULT '',
  citizen_phone   TEXT NOT NULL,
  note            TEXT NOT NULL DEFAULT '',
  from_call_id    TEXT REFERENCES calls(id),
  requested_at_ms INTEGER NOT NULL,
  status          TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'taken', 'done', 'unreachable')),
  advisor_id      INTEGER REFERENCES advisors(id),
  updated_at_ms   INTEGER NOT NULL,
  outcome         TEXT NOT NULL DEFAULT ''
);
CREATE INDEX callbacks_by_status ON callbacks(status, requested_at_ms);
)sql"},
        {8, "cases with their notes, the case and transfer of each call, citizens' surveys", R"sql(
CREATE TABLE cases (
  id            INTEGER PRIMARY KEY,
  reference     TEXT NOT NULL UNIQUE,
  type          TEXT NOT NULL
                CHECK (type IN ('claim', 'consultation', 'certificate', 'procedure', 'aid', 'other')),
  status        TEXT NOT NULL DEFAULT 'open'
                CHECK (status IN ('open', 'pending-citizen', 'pending-administration', 'resolved', 'closed')),
  service       TEXT NOT NULL,
  kiosk_id      INTEGER REFERENCES kiosks(id),
  opened_by     INTEGER REFERENCES advisors(id),
  opened_at_ms  INTEGER NOT NULL,
  updated_at_ms INTEGER NOT NULL
);
CREATE TABLE case_notes (
  id         INTEGER PRIMARY KEY,
  case_id    INTEGER NOT NULL REFERENCES cases(id),
  advisor_id INTEGER REFERENCES advisors(id),
  at_ms      INTEGER NOT NULL,
  text       TEXT NOT NULL
);
ALTER TABLE calls ADD COLUMN case_id INTEGER REFERENCES cases(id);
ALTER TABLE calls ADD COLUMN transferred_from TEXT REFERENCES calls(id);
CREATE TABLE surveys (
  call_id TEXT PRIMARY KEY REFERENCES calls(id),
  rating  INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 5),
  at_ms   INTEGER NOT NULL
);
)sql"},
        {9, "advisors' shifts and days of leave", R"sql(
ALTER TABLE advisors ADD COLUMN shift TEXT NOT NULL DEFAULT '';
CREATE TABLE advisor_leave (
  advisor_id INTEGER NOT NULL REFERENCES advisors(id),
  day        TEXT NOT NULL,
  note       TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (advisor_id, day)
);
)sql"},
        {10, "how many times each call was offered (offers not answered: declined or rung out)", R"sql(
ALTER TABLE calls ADD COLUMN offers INTEGER NOT NULL DEFAULT 0;
UPDATE calls SET offers = 1 WHERE offered_at_ms IS NOT NULL;
)sql"},
    };
    return all;
}

int latestSchemaVersion()
{
    return migrations().back().version;
}

int schemaVersion(Database &db)
{
    db.exec(QStringLiteral(
        "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL, applied_at_ms INTEGER NOT NULL)"));
    auto query = db.prepare(QStringLiteral("SELECT COALESCE(MAX(version), 0) FROM schema_version"));
    query.step();
    return static_cast<int>(query.integer(0));
}

void migrate(Database &db, int targetVersion)
{
    const int current = schemaVersion(db);
    if (current > latestSchemaVersion()) {
        throw StoreError(QStringLiteral("%1 has schema version %2 but this build knows only up to %3; "
                                        "use a newer Ventanilla")
                             .arg(db.path())
                             .arg(current)
                             .arg(latestSchemaVersion())
                             .toStdString());
    }
    for (const Migration &migration : migrations()) {
        if (migration.version <= current || migration.version > targetVersion)
            continue;
        Transaction transaction(db);
        db.exec(QString::fromUtf8(migration.sql));
        db.prepare(QStringLiteral(
                       "INSERT INTO schema_version (version, applied_at_ms) VALUES (?, strftime('%s','now') * 1000)"))
            .bind(1, migration.version)
            .run();
        transaction.commit();
        qCInfo(lcStore) << "applied migration" << migration.version << migration.description;
    }
}

} // namespace ventanilla::store
