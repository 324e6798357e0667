// The demo PKI a hub makes on first run: a private CA and the hub's TLS certificate
// signed by it. Clients pin the hub certificate; nothing trusts the system CA store.
#pragma once

#include "ventanilla/core/result.h"

#include <QString>
#include <QStringList>

namespace ventanilla::crypto {

struct PkiPaths {
    QString caCertificate;
    QString caKey;
    QString hubCertificate;
    QString hubKey;

    // ca.crt, ca.key, hub.crt, hub.key inside directory.
    static PkiPaths inDirectory(const QString &directory);
    bool allExist() const;
};

// Creates the CA and a hub certificate for hostNames (DNS names or IP addresses, the first
// is the common name), ECDSA P-256, valid validDays. Keys are written with mode 0600.
// Fails, writing nothing, when any file already exists.
Status generateDemoPki(const PkiPaths &paths, const QStringList &hostNames, int validDays = 825);

// "AB:CD:..." SHA-256 fingerprint of the first certificate in a PEM file.
Result<QString> certificateFingerprint(const QString &pemPath);

} // namespace ventanilla::crypto
