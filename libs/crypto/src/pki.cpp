// Demo CA and hub certificate generation with OpenSSL 3 (EC P-256, SHA-256 signatures).
#include "ventanilla/crypto/pki.h"

#include "ventanilla/crypto/logging.h"
#include "ventanilla/crypto/openssl_error.h"
#include "ventanilla/crypto/openssl_ptr.h"
#include "ventanilla/crypto/password.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHostAddress>
#include <QSaveFile>
#include <QSslCertificate>

#include <openssl/pem.h>

namespace ventanilla::crypto {
namespace {

Result<EvpPkeyPtr> makeEcKey()
{
    EvpPkeyPtr key(EVP_EC_gen("P-256"));
    if (!key)
        return failure(takeOpenSslError("generating an EC P-256 key failed"));
    return key;
}

bool addExtension(X509 *cert, X509 *issuer, int nid, const char *value)
{
    X509V3_CTX ctx;
    X509V3_set_ctx_nodb(&ctx);
    X509V3_set_ctx(&ctx, issuer, cert, nullptr, nullptr, 0);
    X509ExtensionPtr ext(X509V3_EXT_conf_nid(nullptr, &ctx, nid, value));
    return ext && X509_add_ext(cert, ext.get(), -1) == 1;
}

Result<X509Ptr> makeCertificate(
    EVP_PKEY *subjectKey, const QString &commonName, X509 *issuer, EVP_PKEY *issuerKey, int validDays)
{
    X509Ptr cert(X509_new());
    if (!cert)
        return failure(takeOpenSslError("X509_new failed"));
    X509_set_version(cert.get(), 2);
    const QByteArray serialBytes = randomBytes(16);
    BignumPtr serialBn(BN_bin2bn(reinterpret_cast<const unsigned char *>(serialBytes.constData()), 15, nullptr));
    Asn1IntegerPtr serial(serialBn ? BN_to_ASN1_INTEGER(serialBn.get(), nullptr) : nullptr);
    if (!serial || X509_set_serialNumber(cert.get(), serial.get()) != 1)
        return failure(takeOpenSslError("setting the serial number failed"));
    X509_gmtime_adj(X509_getm_notBefore(cert.get()), -3600);
    X509_gmtime_adj(X509_getm_notAfter(cert.get()), static_cast<long>(validDays) * 24 * 3600);
    if (X509_set_pubkey(cert.get(), subjectKey) != 1)
        return failure(takeOpenSslError("X509_set_pubkey failed"));

    X509_NAME *name = X509_get_subject_name(cert.get()); // owned by cert
    const QByteArray cn = commonName.toUtf8();
    X509_NAME_add_entry_by_txt(
        name, "O", MBSTRING_UTF8, reinterpret_cast<const unsigned char *>("Ventanilla"), -1, -1, 0);
    X509_NAME_add_entry_by_txt(
        name, "CN", MBSTRING_UTF8, reinterpret_cast<const unsigned char *>(cn.constData()), -1, -1, 0);
    X509 *effectiveIssuer = issuer ? issuer : cert.get();
    if (X509_set_issuer_name(cert.get(), X509_get_subject_name(effectiveIssuer)) != 1)
        return failure(takeOpenSslError("X509_set_issuer_name failed"));
    if (!addExtension(cert.get(), effectiveIssuer, NID_subject_key_identifier, "hash"))
        return failure(takeOpenSslError("adding the subject key identifier failed"));
    if (issuer && !addExtension(cert.get(), effectiveIssuer, NID_authority_key_identifier, "keyid:always"))
        return failure(takeOpenSslError("adding the authority key identifier failed"));
    if (X509_sign(cert.get(), issuerKey, EVP_sha256()) == 0)
        return failure(takeOpenSslError("signing the certificate failed"));
    return cert;
}

Status writePem(const QString &path, const std::function<int(BIO *)> &write, bool secret)
{
    BioPtr bio(BIO_new(BIO_s_mem()));
    if (!bio || write(bio.get()) != 1)
        return failure(takeOpenSslError("encoding PEM failed"));
    char *data = nullptr;
    const long size = BIO_get_mem_data(bio.get(), &data);
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return failure(QStringLiteral("cannot write %1: %2").arg(path, file.errorString()));
    if (secret)
        file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    file.write(data, size);
    if (!file.commit())
        return failure(QStringLiteral("cannot write %1: %2").arg(path, file.errorString()));
    return success();
}

QString subjectAltNames(const QStringList &hostNames)
{
    QStringList entries;
    for (const QString &host : hostNames) {
        const bool isAddress = !QHostAddress(host).isNull();
        entries << (isAddress ? QStringLiteral("IP:") : QStringLiteral("DNS:")) + host;
    }
    return entries.join(QLatin1Char(','));
}

} // namespace

PkiPaths PkiPaths::inDirectory(const QString &directory)
{
    const QDir dir(directory);
    return {dir.filePath(QStringLiteral("ca.crt")), dir.filePath(QStringLiteral("ca.key")),
        dir.filePath(QStringLiteral("hub.crt")), dir.filePath(QStringLiteral("hub.key"))};
}

bool PkiPaths::allExist() const
{
    return QFileInfo::exists(caCertificate) && QFileInfo::exists(caKey) && QFileInfo::exists(hubCertificate)
        && QFileInfo::exists(hubKey);
}

Status generateDemoPki(const PkiPaths &paths, const QStringList &hostNames, int validDays)
{
    if (hostNames.isEmpty())
        return failure(QStringLiteral("the hub certificate needs at least one host name"));
    for (const QString &path : {paths.caCertificate, paths.caKey, paths.hubCertificate, paths.hubKey}) {
        if (QFileInfo::exists(path))
            return failure(QStringLiteral("%1 already exists; refusing to overwrite it").arg(path));
        QDir().mkpath(QFileInfo(path).absolutePath());
    }

    auto caKey = makeEcKey();
    if (!caKey)
        return failure(caKey.error());
    auto caCert = makeCertificate(caKey->get(), QStringLiteral("Ventanilla demo CA"), nullptr, caKey->get(), validDays);
    if (!caCert)
        return failure(caCert.error());
    if (!addExtension(caCert->get(), caCert->get(), NID_basic_constraints, "critical,CA:TRUE,pathlen:0")
        || !addExtension(caCert->get(), caCert->get(), NID_key_usage, "critical,keyCertSign,cRLSign")
        || X509_sign(caCert->get(), caKey->get(), EVP_sha256()) == 0)
        return failure(takeOpenSslError("finishing the CA certificate failed"));

    auto hubKey = makeEcKey();
    if (!hubKey)
        return failure(hubKey.error());
    auto hubCert = makeCertificate(hubKey->get(), hostNames.first(), caCert->get(), caKey->get(), validDays);
    if (!hubCert)
        return failure(hubCert.error());
    const QByteArray san = subjectAltNames(hostNames).toLatin1();
    if (!addExtension(hubCert->get(), caCert->get(), NID_basic_constraints, "critical,CA:FALSE")
        || !addExtension(hubCert->get(), caCert->get(), NID_key_usage, "critical,digitalSignature")
        || !addExtension(hubCert->get(), caCert->get(), NID_ext_key_usage, "serverAuth")
        || !addExtension(hubCert->get(), caCert->get(), NID_subject_alt_name, san.constData())
        || X509_sign(hubCert->get(), caKey->get(), EVP_sha256()) == 0)
        return failure(takeOpenSslError("finishing the hub certificate failed"));

    const auto keyWriter = [](EVP_PKEY *key) {
        return [key](BIO *bio) { return PEM_write_bio_PrivateKey(bio, key, nullptr, nullptr, 0, nullptr, nullptr); };
    };
    const auto certWriter = [](X509 *cert) { return [cert](BIO *bio) { return PEM_write_bio_X509(bio, cert); }; };
    for (const auto &[path, writer, secret] :
        {std::tuple{paths.caKey, std::function<int(BIO *)>(keyWriter(caKey->get())), true},
            std::tuple{paths.caCertificate, std::function<int(BIO *)>(certWriter(caCert->get())), false},
            std::tuple{paths.hubKey, std::function<int(BIO *)>(keyWriter(hubKey->get())), true},
            std::tuple{paths.hubCertificate, std::function<int(BIO *)>(certWriter(hubCert->get())), false}}) {
        if (auto written = writePem(path, writer, secret); !written)
            return written;
    }
    qCInfo(lcCrypto).noquote() << "generated demo CA and hub certificate for" << hostNames.join(QStringLiteral(", "));
    return success();
}

Result<QString> certificateFingerprint(const QString &pemPath)
{
    const auto certs = QSslCertificate::fromPath(pemPath, QSsl::Pem, QSslCertificate::PatternSyntax::FixedString);
    if (certs.isEmpty())
        return failure(QStringLiteral("%1 holds no PEM certificate").arg(pemPath));
    return QString::fromLatin1(certs.first().digest(QCryptographicHash::Sha256).toHex(':').toUpper());
}

} // namespace ventanilla::crypto
