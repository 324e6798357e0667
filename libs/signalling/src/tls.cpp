// Server and pinned-client TLS configurations for the signalling link.
#include "ventanilla/signalling/tls.h"

#include <QFile>
#include <QSslKey>

namespace ventanilla::signalling {

Result<QSslConfiguration> serverTlsConfiguration(const QString &certificatePath, const QString &keyPath)
{
    const auto chain
        = QSslCertificate::fromPath(certificatePath, QSsl::Pem, QSslCertificate::PatternSyntax::FixedString);
    if (chain.isEmpty())
        return failure(QStringLiteral("no PEM certificate could be read from %1").arg(certificatePath));
    QFile keyFile(keyPath);
    if (!keyFile.open(QIODevice::ReadOnly))
        return failure(QStringLiteral("cannot read the hub key %1: %2").arg(keyPath, keyFile.errorString()));
    const QByteArray keyPem = keyFile.readAll();
    QSslKey key(keyPem, QSsl::Ec, QSsl::Pem, QSsl::PrivateKey);
    if (key.isNull())
        key = QSslKey(keyPem, QSsl::Rsa, QSsl::Pem, QSsl::PrivateKey);
    if (key.isNull())
        return failure(QStringLiteral("%1 holds no usable EC or RSA private key in PEM").arg(keyPath));

    QSslConfiguration config = QSslConfiguration::defaultConfiguration();
    config.setLocalCertificateChain(chain);
    config.setPrivateKey(key);
    config.setPeerVerifyMode(QSslSocket::VerifyNone); // clients prove who they are in "hello"
    config.setProtocol(QSsl::TlsV1_2OrLater);
    return config;
}

Result<QSslConfiguration> pinnedClientTlsConfiguration(const QString &pinnedCertificatePath)
{
    const auto certs
        = QSslCertificate::fromPath(pinnedCertificatePath, QSsl::Pem, QSslCertificate::PatternSyntax::FixedString);
    if (certs.isEmpty())
        return failure(
            QStringLiteral("no PEM certificate could be read from %1 (hub_certificate)").arg(pinnedCertificatePath));
    QSslConfiguration config = QSslConfiguration::defaultConfiguration();
    config.setCaCertificates({certs.first()}); // replaces the system store: nothing else is trusted
    config.setPeerVerifyMode(QSslSocket::VerifyPeer);
    config.setProtocol(QSsl::TlsV1_2OrLater);
    return config;
}

QList<QSslError> fatalErrorsForPinnedPeer(
    const QList<QSslError> &errors, const QSslCertificate &pinned, const QSslCertificate &presented)
{
    const bool isPinned = !pinned.isNull() && presented == pinned;
    QList<QSslError> fatal;
    for (const QSslError &error : errors) {
        const bool chainOnly = error.error() == QSslError::UnableToGetLocalIssuerCertificate
            || error.error() == QSslError::UnableToVerifyFirstCertificate
            || error.error() == QSslError::SelfSignedCertificateInChain
            || error.error() == QSslError::UnableToGetIssuerCertificate
            || error.error() == QSslError::CertificateUntrusted;
        if (!(isPinned && chainOnly))
            fatal.append(error);
    }
    return fatal;
}

} // namespace ventanilla::signalling
