// Password and credential hashing, the demo PKI, and the pinned-TLS error policy.
#include "ventanilla/crypto/password.h"
#include "ventanilla/crypto/pki.h"
#include "ventanilla/signalling/tls.h"

#include <catch2/catch.hpp>

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>

using namespace ventanilla;

TEST_CASE("scrypt password hashes verify and are salted", "[crypto]")
{
    const crypto::ScryptCost cheap{1u << 10, 8, 1}; // fast for tests; the format is the same
    const auto first = crypto::hashPassword(QStringLiteral("correct horse"), cheap);
    const auto second = crypto::hashPassword(QStringLiteral("correct horse"), cheap);
    REQUIRE(first.ok());
    REQUIRE(second.ok());
    CHECK(first->startsWith(QStringLiteral("scrypt$1024$8$1$")));
    CHECK(*first != *second);
    CHECK(crypto::verifyPassword(QStringLiteral("correct horse"), *first));
    CHECK_FALSE(crypto::verifyPassword(QStringLiteral("correct horsE"), *first));
    CHECK_FALSE(crypto::verifyPassword(QString(), *first));
    CHECK_FALSE(crypto::hashPassword(QString()).ok());
}

TEST_CASE("malformed stored hashes are refused, not trusted", "[crypto]")
{
    for (const char *stored : {"", "plain", "scrypt$1$8$1$AA==$AA==", "scrypt$99999999999$8$1$c2FsdA==$aGFzaA==",
             "scrypt$1024$8$1$$", "md5$abc", "scrypt$1024$x$1$c2FsdA==$aGFzaA=="}) {
        INFO(stored);
        CHECK_FALSE(crypto::verifyPassword(QStringLiteral("x"), QString::fromLatin1(stored)));
    }
}

TEST_CASE("kiosk credentials are random and stored as hashes", "[crypto]")
{
    const QString credential = crypto::generateCredential();
    CHECK(credential.size() == 43);
    CHECK(credential != crypto::generateCredential());
    const QString stored = crypto::hashCredential(credential);
    CHECK(crypto::verifyCredential(credential, stored));
    CHECK_FALSE(crypto::verifyCredential(credential + QLatin1Char('x'), stored));
    CHECK_FALSE(crypto::verifyCredential(credential, credential));
}

TEST_CASE("the demo PKI is valid for openssl and refuses to overwrite", "[crypto][pki]")
{
    QTemporaryDir dir;
    const auto paths = crypto::PkiPaths::inDirectory(dir.path());
    REQUIRE(crypto::generateDemoPki(paths, {QStringLiteral("localhost"), QStringLiteral("127.0.0.1")}).ok());
    CHECK(paths.allExist());
    CHECK((QFile(paths.hubKey).permissions() & (QFileDevice::ReadOther | QFileDevice::ReadGroup)) == 0);

    QProcess verify;
    verify.start(QStringLiteral("openssl"),
        {QStringLiteral("verify"), QStringLiteral("-CAfile"), paths.caCertificate, QStringLiteral("-verify_hostname"),
            QStringLiteral("localhost"), paths.hubCertificate});
    REQUIRE(verify.waitForFinished(10000));
    INFO(verify.readAllStandardError().toStdString());
    CHECK(verify.exitCode() == 0);

    QProcess text;
    text.start(QStringLiteral("openssl"),
        {QStringLiteral("x509"), QStringLiteral("-noout"), QStringLiteral("-ext"), QStringLiteral("subjectAltName"),
            QStringLiteral("-in"), paths.hubCertificate});
    REQUIRE(text.waitForFinished(10000));
    const QString san = QString::fromUtf8(text.readAllStandardOutput());
    CHECK(san.contains(QStringLiteral("DNS:localhost")));
    CHECK(san.contains(QStringLiteral("IP Address:127.0.0.1")));

    const auto again = crypto::generateDemoPki(paths, {QStringLiteral("localhost")});
    REQUIRE_FALSE(again.ok());
    CHECK(again.error().contains(QStringLiteral("already exists")));
    CHECK(crypto::certificateFingerprint(paths.hubCertificate).ok());
    CHECK_FALSE(crypto::certificateFingerprint(dir.filePath(QStringLiteral("missing.crt"))).ok());
}

TEST_CASE("a pinned client ignores only chain errors, and only for the pinned certificate", "[crypto][tls]")
{
    QTemporaryDir a, b;
    REQUIRE(crypto::generateDemoPki(crypto::PkiPaths::inDirectory(a.path()), {QStringLiteral("localhost")}).ok());
    REQUIRE(crypto::generateDemoPki(crypto::PkiPaths::inDirectory(b.path()), {QStringLiteral("localhost")}).ok());
    const auto pinned = QSslCertificate::fromPath(crypto::PkiPaths::inDirectory(a.path()).hubCertificate).first();
    const auto other = QSslCertificate::fromPath(crypto::PkiPaths::inDirectory(b.path()).hubCertificate).first();

    const QList<QSslError> chain{QSslError(QSslError::UnableToGetLocalIssuerCertificate, pinned)};
    CHECK(signalling::fatalErrorsForPinnedPeer(chain, pinned, pinned).isEmpty());
    CHECK(signalling::fatalErrorsForPinnedPeer(chain, pinned, other).size() == 1);
    const QList<QSslError> name{QSslError(QSslError::HostNameMismatch, pinned)};
    CHECK(signalling::fatalErrorsForPinnedPeer(name, pinned, pinned).size() == 1);
    const QList<QSslError> expired{QSslError(QSslError::CertificateExpired, pinned)};
    CHECK(signalling::fatalErrorsForPinnedPeer(expired, pinned, pinned).size() == 1);
    CHECK_FALSE(signalling::pinnedClientTlsConfiguration(a.filePath(QStringLiteral("nope.crt"))).ok());
}
