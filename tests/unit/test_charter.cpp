// The services charter: the sample parses, every kind of mistake is reported with file,
// line and field, imports are versioned, and the printable charter says what it should.
#include "test_support.h"

#include "ventanilla/hub/admin.h"
#include "ventanilla/hub/charter.h"
#include "ventanilla/store/migrations.h"
#include "ventanilla/store/store.h"

#include <catch2/catch.hpp>

#include <QFile>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>

using namespace ventanilla;

namespace {

const QString kSample = QStringLiteral(VENTANILLA_SOURCE_DIR "/resources/charter/albacete.charter");

QString sampleText()
{
    QFile file(kSample);
    REQUIRE(file.open(QIODevice::ReadOnly));
    return QString::fromUtf8(file.readAll());
}

void write(const QString &path, const QString &text)
{
    QFile file(path);
    REQUIRE(file.open(QIODevice::WriteOnly));
    file.write(text.toUtf8());
}

} // namespace

TEST_CASE("the sample charter parses into its services", "[charter]")
{
    const auto charter = hub::loadCharter(kSample);
    REQUIRE_OK(charter);
    CHECK(charter->version == QStringLiteral("2026.1"));
    REQUIRE(charter->services.size() == 6);
    const hub::Service *padron = charter->service(QStringLiteral("padron"));
    REQUIRE(padron);
    CHECK(padron->category == hub::ServiceCategory::Certificate);
    CHECK(padron->skill == QStringLiteral("padron"));
    CHECK(padron->commitmentPercent == 80);
    CHECK(padron->commitmentWithin_s == 120);
    CHECK(padron->documentsEs == QStringList{QStringLiteral("DNI, NIE o pasaporte")});
    // Every category of the office's work is covered by the sample.
    for (const QString &category : hub::categoryIds()) {
        INFO(category.toStdString());
        CHECK(std::any_of(charter->services.cbegin(), charter->services.cend(),
            [&](const hub::Service &s) { return hub::categoryId(s.category) == category; }));
    }
    const QJsonArray menu = charter->menu();
    REQUIRE(menu.size() == 6);
    CHECK(menu.first().toObject().value(QStringLiteral("id")).toString() == QStringLiteral("padron"));
    CHECK(menu.first().toObject().value(QStringLiteral("name_en")).toString().contains(QStringLiteral("padrón")));
}

TEST_CASE("every mistake in a charter is reported with file, line and field", "[charter]")
{
    const QString text = QStringLiteral("[charter]\n" // 1
                                        "version = 2026 draft\n" // 2
                                        "title_es = Carta\n" // 3
                                        "published = first of December\n" // 4
                                        "[service Padron]\n" // 5
                                        "name_es = Padrón\n" // 6
                                        "name_en = Register\n" // 7
                                        "description_es = d\n" // 8
                                        "description_en = d\n" // 9
                                        "category = certificates\n" // 10
                                        "skill = padron\n" // 11
                                        "documents_es = DNI; foto\n" // 12
                                        "documents_en = ID\n" // 13
                                        "expected_handling_s = 5\n" // 14
                                        "commitment_within_s = 600\n" // 15
                                        "max_wait_s = 60\n" // 16
                                        "colour = blue\n" // 17
                                        "[service registro]\n" // 18
                                        "name_es = Registro\n"); // 19
    const auto parsed = hub::parseCharter(text, QStringLiteral("bad.charter"));
    REQUIRE_FALSE(parsed.ok());
    const QString errors = parsed.error();
    INFO(errors.toStdString());
    CHECK(errors.contains(QStringLiteral("bad.charter:2: charter/version")));
    CHECK(errors.contains(QStringLiteral("bad.charter: charter/title_en: is required")));
    CHECK(errors.contains(QStringLiteral("bad.charter:4: charter/published")));
    CHECK(errors.contains(QStringLiteral("bad.charter:6: service Padron/name_es: the service id \"Padron\"")));
    CHECK(errors.contains(QStringLiteral("bad.charter:10: service Padron/category")));
    CHECK(errors.contains(
        QStringLiteral("bad.charter:13: service Padron/documents_en: lists 1 documents but documents_es lists 2")));
    CHECK(errors.contains(QStringLiteral("bad.charter:14: service Padron/expected_handling_s: 5 is out of range")));
    CHECK(errors.contains(
        QStringLiteral("bad.charter:16: service Padron/max_wait_s: 60 s is shorter than commitment_within_s")));
    CHECK(errors.contains(QStringLiteral("bad.charter:17: unknown setting \"service Padron/colour\"")));
    CHECK(errors.contains(QStringLiteral("bad.charter: service registro/name_en: is required")));
    CHECK(errors.contains(QStringLiteral("service registro/category: is required")));
    CHECK(errors.contains(QStringLiteral("service registro/expected_handling_s: is required")));

    CHECK_FALSE(hub::parseCharter(
        QStringLiteral("[charter]\nversion = 1\ntitle_es = a\ntitle_en = b\npublished = 2026-01-01\n"),
        QStringLiteral("empty.charter"))
                    .ok());
    CHECK(hub::loadCharter(QStringLiteral("/nonexistent/x.charter"))
              .error()
              .contains(QStringLiteral("/nonexistent/x.charter")));
}

TEST_CASE("importing a charter is versioned and changes nothing on failure", "[charter][store]")
{
    QTemporaryDir dir;
    auto store = store::Store::open(dir.filePath(QStringLiteral("hub.db")));
    const auto first = hub::admin::importCharter(store, kSample);
    REQUIRE_OK(first);
    CHECK(first->contains(QStringLiteral("imported with 6 services")));
    CHECK(hub::admin::importCharter(store, kSample)->contains(QStringLiteral("already in force")));

    // The same version with other content is refused: a changed charter needs a new version.
    const QString changedPath = dir.filePath(QStringLiteral("changed.charter"));
    write(changedPath, sampleText().replace(QStringLiteral("max_wait_s = 600"), QStringLiteral("max_wait_s = 700")));
    const auto changed = hub::admin::importCharter(store, changedPath);
    REQUIRE_FALSE(changed.ok());
    CHECK(changed.error().contains(QStringLiteral("new version")));
    CHECK(store.charters().size() == 1);

    // A new version takes over; the old one is kept for the calls made under it.
    write(changedPath, sampleText().replace(QStringLiteral("version = 2026.1"), QStringLiteral("version = 2026.2")));
    REQUIRE_OK(hub::admin::importCharter(store, changedPath));
    CHECK(store.activeCharter()->version == QStringLiteral("2026.2"));
    CHECK(store.charters().size() == 2);
    CHECK(hub::admin::importCharter(store, kSample)->contains(QStringLiteral("in force again")));
    CHECK(store.activeCharter()->version == QStringLiteral("2026.1"));

    // A broken file changes nothing.
    write(changedPath, QStringLiteral("[charter]\nversion = 2026.3\n"));
    CHECK_FALSE(hub::admin::importCharter(store, changedPath).ok());
    CHECK(store.activeCharter()->version == QStringLiteral("2026.1"));
    CHECK(store.charters().size() == 2);
}

TEST_CASE("migration 2 keeps the calls of a version-1 database", "[store][migration]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("hub.db"));
    {
        // A database as version 1 left it, with a kiosk and a finished call.
        auto db = store::Database::open(path);
        store::migrate(db, 1);
        REQUIRE(store::schemaVersion(db) == 1);
        db.exec(QStringLiteral("INSERT INTO kiosks (id, site_id, municipality, credential_hash, created_at_ms) VALUES "
                               "(1, 'el-bonillo', 'El Bonillo', 'sha256$00', 1)"));
        db.exec(QStringLiteral("INSERT INTO calls (id, kiosk_id, service, requested_at_ms, ended_at_ms, end_reason) "
                               "VALUES ('c1', 1, 'general', 1000, 5000, 'hangup')"));
    }
    auto store = store::Store::open(path);
    CHECK(store::schemaVersion(store.database()) == store::latestSchemaVersion());
    const auto call = store.call(QStringLiteral("c1"));
    REQUIRE(call);
    CHECK(call->service == QStringLiteral("general"));
    CHECK(call->endReason == QStringLiteral("hangup"));
    CHECK_FALSE(call->charterVersionId.has_value());
    CHECK_FALSE(store.activeCharter().has_value());
}

TEST_CASE("the exported charter reads right as HTML and as PDF", "[charter][export]")
{
    QTemporaryDir dir;
    auto store = store::Store::open(dir.filePath(QStringLiteral("hub.db")));
    CHECK_FALSE(hub::admin::exportCharter(store, dir.filePath(QStringLiteral("c.html")), {}).ok()); // none imported
    REQUIRE_OK(hub::admin::importCharter(store, kSample));
    const QString html = dir.filePath(QStringLiteral("charter.html"));
    const QString pdf = dir.filePath(QStringLiteral("charter.pdf"));
    REQUIRE_OK(hub::admin::exportCharter(store, html, pdf));

    QFile page(html);
    REQUIRE(page.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(page.readAll());
    CHECK(text.contains(QStringLiteral("Certificado de empadronamiento")));
    CHECK(text.contains(QStringLiteral("80&nbsp;% de las personas")));

    QProcess pdftotext;
    pdftotext.start(QStringLiteral("pdftotext"), {pdf, QStringLiteral("-")});
    REQUIRE(pdftotext.waitForFinished(20000));
    const QString extracted = QString::fromUtf8(pdftotext.readAllStandardOutput()).simplified();
    INFO(extracted.left(400).toStdString());
    CHECK(pdftotext.exitCode() == 0);
    CHECK(extracted.contains(QStringLiteral("Versión 2026.1")));
    CHECK(extracted.contains(QStringLiteral("Registro de documentos")));
    CHECK(extracted.contains(QStringLiteral("Ayudas y subvenciones")));
}
