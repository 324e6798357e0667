// scrypt password hashing and SHA-256 credential hashing through OpenSSL's EVP API.
#include "ventanilla/crypto/password.h"

#include "ventanilla/crypto/logging.h"
#include "ventanilla/crypto/openssl_error.h"

#include <QCryptographicHash>
#include <QStringList>

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/rand.h>

namespace ventanilla::crypto {
namespace {

constexpr int kSaltBytes = 16;
constexpr int kHashBytes = 32;
constexpr quint64 kMaxScryptN = 1u << 20; // refuse stored hashes that would take seconds

std::optional<QByteArray> scrypt(const QByteArray &password, const QByteArray &salt, ScryptCost cost)
{
    QByteArray out(kHashBytes, '\0');
    // maxmem 0 lets OpenSSL use its 32 MiB default; N=2^15,r=8 needs exactly that, so allow more.
    const quint64 maxMemory = 128 * cost.n * cost.r * cost.p + (1u << 20);
    if (EVP_PBE_scrypt(password.constData(), static_cast<size_t>(password.size()),
            reinterpret_cast<const unsigned char *>(salt.constData()), static_cast<size_t>(salt.size()), cost.n, cost.r,
            cost.p, maxMemory, reinterpret_cast<unsigned char *>(out.data()), static_cast<size_t>(out.size()))
        != 1) {
        qCWarning(lcCrypto).noquote() << takeOpenSslError("scrypt failed");
        return std::nullopt;
    }
    return out;
}

bool constantTimeEquals(const QByteArray &a, const QByteArray &b)
{
    return a.size() == b.size() && CRYPTO_memcmp(a.constData(), b.constData(), static_cast<size_t>(a.size())) == 0;
}

} // namespace

QByteArray randomBytes(int count)
{
    QByteArray bytes(count, '\0');
    if (RAND_bytes(reinterpret_cast<unsigned char *>(bytes.data()), count) != 1) {
        // Without randomness no credential or salt is safe: stop rather than continue weakly.
        qFatal("%s", qPrintable(takeOpenSslError("RAND_bytes failed")));
    }
    return bytes;
}

Result<QString> hashPassword(const QString &password, ScryptCost cost)
{
    if (password.isEmpty())
        return failure(QStringLiteral("the password is empty"));
    const QByteArray salt = randomBytes(kSaltBytes);
    const auto hash = scrypt(password.toUtf8(), salt, cost);
    if (!hash)
        return failure(QStringLiteral("scrypt failed (see the log)"));
    return QStringLiteral("scrypt$%1$%2$%3$%4$%5")
        .arg(cost.n)
        .arg(cost.r)
        .arg(cost.p)
        .arg(QString::fromLatin1(salt.toBase64()), QString::fromLatin1(hash->toBase64()));
}

bool verifyPassword(const QString &password, const QString &storedHash)
{
    const QStringList parts = storedHash.split(QLatin1Char('$'));
    if (parts.size() != 6 || parts[0] != QLatin1String("scrypt")) {
        qCWarning(lcCrypto) << "stored password hash has an unknown format";
        return false;
    }
    bool okN = false, okR = false, okP = false;
    ScryptCost cost{parts[1].toULongLong(&okN), parts[2].toUInt(&okR), parts[3].toUInt(&okP)};
    if (!okN || !okR || !okP || cost.n < 2 || cost.n > kMaxScryptN || cost.r == 0 || cost.r > 32 || cost.p == 0
        || cost.p > 16) {
        qCWarning(lcCrypto) << "stored password hash has out-of-range scrypt parameters";
        return false;
    }
    const QByteArray salt = QByteArray::fromBase64(parts[4].toLatin1());
    const QByteArray expected = QByteArray::fromBase64(parts[5].toLatin1());
    if (salt.isEmpty() || expected.size() != kHashBytes) {
        qCWarning(lcCrypto) << "stored password hash has a malformed salt or hash";
        return false;
    }
    const auto actual = scrypt(password.toUtf8(), salt, cost);
    return actual && constantTimeEquals(*actual, expected);
}

QString generateCredential()
{
    return QString::fromLatin1(
        randomBytes(32).toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

QString hashCredential(const QString &credential)
{
    return QStringLiteral("sha256$")
        + QString::fromLatin1(QCryptographicHash::hash(credential.toUtf8(), QCryptographicHash::Sha256).toHex());
}

bool verifyCredential(const QString &credential, const QString &storedHash)
{
    if (!storedHash.startsWith(QLatin1String("sha256$"))) {
        qCWarning(lcCrypto) << "stored credential hash has an unknown format";
        return false;
    }
    return constantTimeEquals(hashCredential(credential).toLatin1(), storedHash.toLatin1());
}

} // namespace ventanilla::crypto
