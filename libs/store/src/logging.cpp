// The logging category of ventanilla_store.
#include "ventanilla/store/logging.h"
Q_LOGGING_CATEGORY(lcStore, "ventanilla.store")
