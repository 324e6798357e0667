// The logging category of ventanilla_crypto.
#pragma once
#include <QLoggingCategory>
Q_DECLARE_LOGGING_CATEGORY(lcCrypto)
