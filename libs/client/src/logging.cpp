// The logging category of ventanilla_client.
#include "ventanilla/client/logging.h"
Q_LOGGING_CATEGORY(lcClient, "ventanilla.client")
