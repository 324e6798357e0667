// Turns OpenSSL's thread-local error queue into one readable message.
#pragma once

#include <QString>

namespace ventanilla::crypto {

// Drains the OpenSSL error queue; "what" says which of our steps failed.
QString takeOpenSslError(const char *what);

} // namespace ventanilla::crypto
