// The logging category of ventanilla_media.
#include "ventanilla/media/logging.h"
Q_LOGGING_CATEGORY(lcMedia, "ventanilla.media")
