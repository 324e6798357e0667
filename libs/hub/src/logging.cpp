// The logging category of ventanilla_hub.
#include "ventanilla/hub/logging.h"
Q_LOGGING_CATEGORY(lcHub, "ventanilla.hub")
