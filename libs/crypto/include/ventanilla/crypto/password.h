// Password and credential hashing: scrypt for people's passwords (slow on purpose),
// SHA-256 for machine-generated 256-bit credentials (high entropy needs no slowness).
#pragma once

#include "ventanilla/core/result.h"

#include <QByteArray>
#include <QString>

namespace ventanilla::crypto {

struct ScryptCost {
    quint64 n = 1u << 15; // 32 MiB of memory with r = 8: about 60 ms a hash on our machines
    quint32 r = 8;
    quint32 p = 1;
};

// "scrypt$<N>$<r>$<p>$<salt b64>$<hash b64>", a fresh 16-byte salt each call.
Result<QString> hashPassword(const QString &password, ScryptCost cost = {});
// Constant-time comparison; false for a malformed stored hash (and logs why).
bool verifyPassword(const QString &password, const QString &storedHash);

// A new random credential for a kiosk: 32 bytes, base64url without padding.
QString generateCredential();
// "sha256$<hex>" of a credential, as stored at the hub.
QString hashCredential(const QString &credential);
bool verifyCredential(const QString &credential, const QString &storedHash);

// Random bytes from OpenSSL's CSPRNG.
QByteArray randomBytes(int count);

} // namespace ventanilla::crypto
