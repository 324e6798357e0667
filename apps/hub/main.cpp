// ventanilla-hub: headless hub and admin tool. All the work is in ventanilla_hub.
#include "hub_command_line.h"

#include <QGuiApplication>

int main(int argc, char *argv[])
{
    // A GUI application only for fonts (the PDF charter); it never opens a window.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("ventanilla-hub"));
    QCoreApplication::setApplicationVersion(QStringLiteral(VENTANILLA_VERSION));
    QStringList arguments = QCoreApplication::arguments();
    arguments.removeFirst();
    return ventanilla::hubapp::runCommand(arguments);
}
