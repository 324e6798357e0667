// The logging category of ventanilla_hub.
#pragma once
#include <QLoggingCategory>
Q_DECLARE_LOGGING_CATEGORY(lcHub)
