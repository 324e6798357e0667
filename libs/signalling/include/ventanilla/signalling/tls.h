// TLS configurations for the signalling link: the hub's identity, and a client that
// trusts exactly one pinned hub certificate and nothing from the system store.
#pragma once

#include "ventanilla/core/result.h"

#include <QList>
#include <QSslConfiguration>
#include <QSslError>

namespace ventanilla::signalling {

// The hub's certificate chain and key (PEM files). The chain may hold the CA after the leaf.
Result<QSslConfiguration> serverTlsConfiguration(const QString &certificatePath, const QString &keyPath);

// A client configuration whose only trust anchor is the pinned hub certificate.
Result<QSslConfiguration> pinnedClientTlsConfiguration(const QString &pinnedCertificatePath);

// The errors a pinned connection may ignore: only chain-building errors that come from
// trusting a leaf instead of a CA, and only when the peer's leaf is exactly the pinned one.
// Any other error (name mismatch, expiry, another certificate) is returned as fatal.
QList<QSslError> fatalErrorsForPinnedPeer(
    const QList<QSslError> &errors, const QSslCertificate &pinned, const QSslCertificate &presented);

} // namespace ventanilla::signalling
