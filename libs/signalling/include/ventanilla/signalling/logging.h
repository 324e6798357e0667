// The logging category of ventanilla_signalling.
#pragma once
#include <QLoggingCategory>
Q_DECLARE_LOGGING_CATEGORY(lcSignalling)
