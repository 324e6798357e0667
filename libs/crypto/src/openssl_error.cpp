// Drains OpenSSL's error queue into a message naming the failed step.
#include "ventanilla/crypto/openssl_error.h"

#include <openssl/err.h>

namespace ventanilla::crypto {

QString takeOpenSslError(const char *what)
{
    QString message = QString::fromUtf8(what);
    unsigned long code = 0;
    bool first = true;
    while ((code = ERR_get_error()) != 0) {
        char buffer[256];
        ERR_error_string_n(code, buffer, sizeof buffer);
        message += (first ? QStringLiteral(": ") : QStringLiteral("; ")) + QString::fromUtf8(buffer);
        first = false;
    }
    return message;
}

} // namespace ventanilla::crypto
