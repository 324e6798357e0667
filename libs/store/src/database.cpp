// sqlite3 connection, statements and transactions; every error becomes a StoreError.
#include "ventanilla/store/database.h"

#include "ventanilla/store/logging.h"

#include <sqlite3.h>

namespace ventanilla::store {
namespace {

[[noreturn]] void fail(sqlite3 *db, const QString &what)
{
    const QString message = what + QStringLiteral(": ") + QString::fromUtf8(db ? sqlite3_errmsg(db) : "out of memory");
    qCWarning(lcStore).noquote() << message;
    throw StoreError(message.toStdString());
}

} // namespace

void SqliteCloser::operator()(sqlite3 *db) const
{
    sqlite3_close_v2(db);
}
void StatementFinalizer::operator()(sqlite3_stmt *stmt) const
{
    sqlite3_finalize(stmt);
}

Statement::Statement(sqlite3 *db, StatementPtr stmt) : m_db(db), m_stmt(std::move(stmt)) { }

Statement &Statement::bind(int index, const QVariant &value)
{
    int rc = SQLITE_OK;
    if (value.isNull()) {
        rc = sqlite3_bind_null(m_stmt.get(), index);
    } else {
        switch (value.typeId()) {
        case QMetaType::Int:
        case QMetaType::LongLong:
        case QMetaType::UInt:
        case QMetaType::Bool:
            rc = sqlite3_bind_int64(m_stmt.get(), index, value.toLongLong());
            break;
        case QMetaType::ULongLong:
            rc = sqlite3_bind_int64(m_stmt.get(), index, static_cast<sqlite3_int64>(value.toULongLong()));
            break;
        case QMetaType::Double:
            rc = sqlite3_bind_double(m_stmt.get(), index, value.toDouble());
            break;
        case QMetaType::QByteArray: {
            const QByteArray bytes = value.toByteArray();
            rc = sqlite3_bind_blob(
                m_stmt.get(), index, bytes.constData(), static_cast<int>(bytes.size()), SQLITE_TRANSIENT);
            break;
        }
        default: {
            const QByteArray utf8 = value.toString().toUtf8();
            rc = sqlite3_bind_text(
                m_stmt.get(), index, utf8.constData(), static_cast<int>(utf8.size()), SQLITE_TRANSIENT);
        }
        }
    }
    if (rc != SQLITE_OK)
        fail(m_db, QStringLiteral("binding parameter %1 failed").arg(index));
    return *this;
}

bool Statement::step()
{
    const int rc = sqlite3_step(m_stmt.get());
    if (rc == SQLITE_ROW)
        return true;
    if (rc == SQLITE_DONE)
        return false;
    fail(m_db, QStringLiteral("statement failed (%1)").arg(QString::fromUtf8(sqlite3_sql(m_stmt.get()))));
}

void Statement::run()
{
    while (step()) { }
}

qint64 Statement::integer(int column) const
{
    return sqlite3_column_int64(m_stmt.get(), column);
}

std::optional<qint64> Statement::optionalInteger(int column) const
{
    if (isNull(column))
        return std::nullopt;
    return integer(column);
}

QString Statement::text(int column) const
{
    const auto *data = reinterpret_cast<const char *>(sqlite3_column_text(m_stmt.get(), column));
    return data ? QString::fromUtf8(data, sqlite3_column_bytes(m_stmt.get(), column)) : QString();
}

bool Statement::isNull(int column) const
{
    return sqlite3_column_type(m_stmt.get(), column) == SQLITE_NULL;
}

Database Database::open(const QString &path)
{
    sqlite3 *raw = nullptr;
    const int rc = sqlite3_open_v2(
        path.toUtf8().constData(), &raw, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX, nullptr);
    SqlitePtr db(raw); // sqlite3_open_v2 hands back a handle even on failure; close it either way
    if (rc != SQLITE_OK)
        fail(raw, QStringLiteral("cannot open database %1").arg(path));
    sqlite3_busy_timeout(db.get(), 5000);
    sqlite3_extended_result_codes(db.get(), 1);
    Database database(std::move(db), path);
    database.exec(QStringLiteral("PRAGMA journal_mode=WAL"));
    database.exec(QStringLiteral("PRAGMA synchronous=FULL"));
    database.exec(QStringLiteral("PRAGMA foreign_keys=ON"));
    return database;
}

void Database::exec(const QString &sql)
{
    char *error = nullptr;
    if (sqlite3_exec(m_db.get(), sql.toUtf8().constData(), nullptr, nullptr, &error) != SQLITE_OK) {
        const QString message = QString::fromUtf8(error ? error : "unknown error");
        sqlite3_free(error);
        qCWarning(lcStore).noquote() << "SQL failed:" << message;
        throw StoreError(message.toStdString());
    }
}

Statement Database::prepare(const QString &sql)
{
    sqlite3_stmt *raw = nullptr;
    const QByteArray utf8 = sql.toUtf8();
    if (sqlite3_prepare_v2(m_db.get(), utf8.constData(), static_cast<int>(utf8.size()), &raw, nullptr) != SQLITE_OK)
        fail(m_db.get(), QStringLiteral("cannot prepare \"%1\"").arg(sql));
    return Statement(m_db.get(), StatementPtr(raw));
}

qint64 Database::lastInsertRowId() const
{
    return sqlite3_last_insert_rowid(m_db.get());
}
int Database::changes() const
{
    return sqlite3_changes(m_db.get());
}

void Database::backupTo(const QString &path)
{
    sqlite3 *raw = nullptr;
    const int rc
        = sqlite3_open_v2(path.toUtf8().constData(), &raw, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
    SqlitePtr target(raw);
    if (rc != SQLITE_OK)
        fail(raw, QStringLiteral("cannot open backup file %1").arg(path));
    sqlite3_backup *backup = sqlite3_backup_init(target.get(), "main", m_db.get(), "main");
    if (!backup)
        fail(target.get(), QStringLiteral("cannot start backup to %1").arg(path));
    // Copy in steps so writers are not locked out for the whole copy.
    int step = SQLITE_OK;
    while ((step = sqlite3_backup_step(backup, 256)) == SQLITE_OK || step == SQLITE_BUSY || step == SQLITE_LOCKED)
        sqlite3_sleep(5);
    sqlite3_backup_finish(backup);
    if (step != SQLITE_DONE)
        fail(target.get(), QStringLiteral("backup to %1 failed").arg(path));
}

Transaction::Transaction(Database &db) : m_db(db)
{
    m_db.exec(QStringLiteral("BEGIN IMMEDIATE"));
}

Transaction::~Transaction()
{
    if (m_done)
        return;
    try {
        m_db.exec(QStringLiteral("ROLLBACK"));
    } catch (const StoreError &) {
        // Already logged; a failed rollback leaves SQLite to roll back on close.
    }
}

void Transaction::commit()
{
    m_db.exec(QStringLiteral("COMMIT"));
    m_done = true;
}

} // namespace ventanilla::store
