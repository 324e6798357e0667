// The logging category of ventanilla_client.
#pragma once
#include <QLoggingCategory>
Q_DECLARE_LOGGING_CATEGORY(lcClient)
