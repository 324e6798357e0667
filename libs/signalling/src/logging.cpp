// The logging category of ventanilla_signalling.
#include "ventanilla/signalling/logging.h"
Q_LOGGING_CATEGORY(lcSignalling, "ventanilla.signalling")
