// The SQLite store: migrations, transactions, domain operations and bad files.
#include "ventanilla/store/migrations.h"
#include "ventanilla/store/store.h"

#include <catch2/catch.hpp>

#include <QFile>
#include <QTemporaryDir>

using namespace ventanilla::store;

TEST_CASE("a new database is migrated to the latest schema, once", "[store]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("hub.db"));
    {
        Store store = Store::open(path);
        CHECK(schemaVersion(store.database()) == latestSchemaVersion());
    }
    Store reopened = Store::open(path); // a second open applies nothing and loses nothing
    CHECK(schemaVersion(reopened.database()) == latestSchemaVersion());
    auto journal = reopened.database().prepare(QStringLiteral("PRAGMA journal_mode"));
    REQUIRE(journal.step());
    CHECK(journal.text(0) == QStringLiteral("wal"));
}

TEST_CASE("a database from a newer build is refused with a clear message", "[store]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("hub.db"));
    {
        Store store = Store::open(path);
        store.database().exec(QStringLiteral("INSERT INTO schema_version VALUES (999, 0)"));
    }
    try {
        Store::open(path);
        FAIL("opened a database of a newer schema");
    } catch (const StoreError &error) {
        CHECK(QString::fromUtf8(error.what()).contains(QStringLiteral("newer")));
    }
}

TEST_CASE("a file that is not a database is refused", "[store]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("hub.db"));
    QFile file(path);
    REQUIRE(file.open(QIODevice::WriteOnly));
    file.write(QByteArray(4096, 'x'));
    file.close();
    CHECK_THROWS_AS(Store::open(path), StoreError);
}

TEST_CASE("a transaction rolls back unless committed", "[store]")
{
    QTemporaryDir dir;
    Store store = Store::open(dir.filePath(QStringLiteral("hub.db")));
    {
        Transaction transaction(store.database());
        store.addAdvisor(QStringLiteral("ana"), QStringLiteral("Ana"), QStringLiteral("h"));
    }
    CHECK_FALSE(store.advisorByUsername(QStringLiteral("ana")));
    {
        Transaction transaction(store.database());
        store.addAdvisor(QStringLiteral("ana"), QStringLiteral("Ana"), QStringLiteral("h"));
        transaction.commit();
    }
    CHECK(store.advisorByUsername(QStringLiteral("ana")));
    CHECK_THROWS_AS(store.addAdvisor(QStringLiteral("ana"), QStringLiteral("Ana"), QStringLiteral("h")), StoreError);
}

TEST_CASE("calls record their life and both sides' reports", "[store]")
{
    QTemporaryDir dir;
    Store store = Store::open(dir.filePath(QStringLiteral("hub.db")));
    const qint64 kiosk
        = store.addKiosk(QStringLiteral("el-bonillo"), QStringLiteral("El Bonillo"), QStringLiteral("sha256$00"));
    const qint64 advisor = store.addAdvisor(QStringLiteral("ana"), QStringLiteral("Ana"), QStringLiteral("h"));
    store.insertCall(
        {.id = QStringLiteral("c1"), .kioskId = kiosk, .service = QStringLiteral("padron"), .requestedAtMs = 1000});
    store.markCallOffered(QStringLiteral("c1"), advisor, 1050); // declined or rung out
    store.markCallOffered(QStringLiteral("c1"), advisor, 1100);
    store.markCallAnswered(QStringLiteral("c1"), advisor, 1200);
    store.markCallEnded(QStringLiteral("c1"), 5000, QStringLiteral("hangup"));
    store.markCallEnded(QStringLiteral("c1"), 9000, QStringLiteral("link-lost")); // the first end counts
    const auto call = store.call(QStringLiteral("c1"));
    REQUIRE(call);
    CHECK(call->answeredAtMs == 1200);
    CHECK(call->endedAtMs == 5000);
    CHECK(call->endReason == QStringLiteral("hangup"));
    const auto facts = store.callFacts(0, 10000);
    REQUIRE(facts.size() == 1);
    CHECK(facts.first().offers == 2);
    CHECK(facts.first().advisor == QStringLiteral("ana"));

    store.saveCallReport({QStringLiteral("c1"), QStringLiteral("kiosk"), 5100, 1500, 100, 0, 200,
        QStringLiteral("SRTP_AES128_CM_HMAC_SHA1_80"), QStringLiteral("{}")});
    store.saveCallReport({QStringLiteral("c1"), QStringLiteral("advisor"), 5100, 1600, 90, 30, 190,
        QStringLiteral("SRTP_AES128_CM_HMAC_SHA1_80"), QStringLiteral("{}")});
    CHECK(store.callReports(QStringLiteral("c1")).size() == 2);
    CHECK_THROWS_AS(store.saveCallReport(
                        {QStringLiteral("nope"), QStringLiteral("kiosk"), 1, {}, 0, 0, 0, {}, QStringLiteral("{}")}),
        StoreError);
    CHECK_THROWS_AS(
        store.saveCallReport({QStringLiteral("c1"), QStringLiteral("mayor"), 1, {}, 0, 0, 0, {}, QStringLiteral("{}")}),
        StoreError);
}

TEST_CASE("an online backup is a complete, openable copy", "[store]")
{
    QTemporaryDir dir;
    Store store = Store::open(dir.filePath(QStringLiteral("hub.db")));
    store.addAdvisor(QStringLiteral("ana"), QStringLiteral("Ana"), QStringLiteral("h"));
    store.database().backupTo(dir.filePath(QStringLiteral("copy.db")));
    Store copy = Store::open(dir.filePath(QStringLiteral("copy.db")));
    CHECK(copy.advisorByUsername(QStringLiteral("ana")));
}
