// The logging category of ventanilla_crypto.
#include "ventanilla/crypto/logging.h"
Q_LOGGING_CATEGORY(lcCrypto, "ventanilla.crypto")
