// Thin RAII layer over sqlite3: a connection, prepared statements and a transaction
// that rolls back unless committed. Failures throw StoreError with SQLite's message.
#pragma once

#include <QString>
#include <QVariant>

#include <memory>
#include <optional>
#include <stdexcept>

struct sqlite3;
struct sqlite3_stmt;

namespace ventanilla::store {

class StoreError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

struct SqliteCloser {
    void operator()(sqlite3 *db) const;
};
struct StatementFinalizer {
    void operator()(sqlite3_stmt *stmt) const;
};
using SqlitePtr = std::unique_ptr<sqlite3, SqliteCloser>;
using StatementPtr = std::unique_ptr<sqlite3_stmt, StatementFinalizer>;

class Statement {
public:
    Statement(sqlite3 *db, StatementPtr stmt);

    // Binds by 1-based position. QVariant null, integer types, double, QString, QByteArray.
    Statement &bind(int index, const QVariant &value);
    // True while a row is available; false when done.
    bool step();
    // Runs to completion, for statements without results.
    void run();
    qint64 integer(int column) const;
    std::optional<qint64> optionalInteger(int column) const;
    QString text(int column) const;
    bool isNull(int column) const;

private:
    sqlite3 *m_db;
    StatementPtr m_stmt;
};

class Database {
public:
    // Opens (creating if needed) the file, WAL journal, foreign keys on, 5 s busy timeout.
    // synchronous=FULL: a committed queue entry or call record survives power loss.
    static Database open(const QString &path);

    void exec(const QString &sql);
    Statement prepare(const QString &sql);
    qint64 lastInsertRowId() const;
    int changes() const;
    // Online copy of the whole database to another file through SQLite's backup API.
    void backupTo(const QString &path);
    const QString &path() const { return m_path; }

private:
    Database(SqlitePtr db, QString path) : m_db(std::move(db)), m_path(std::move(path)) { }
    SqlitePtr m_db;
    QString m_path;
};

// BEGIN IMMEDIATE on construction; ROLLBACK on destruction unless commit() ran.
class Transaction {
public:
    explicit Transaction(Database &db);
    ~Transaction();
    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;
    void commit();

private:
    Database &m_db;
    bool m_done = false;
};

} // namespace ventanilla::store
