// ventanilla-hub: headless hub and admin tool. All the work is in ventanilla_hub.
#include "hub_command_line.h"

#include <QCoreApplication>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("ventanilla-hub"));
    QCoreApplication::setApplicationVersion(QStringLiteral(VENTANILLA_VERSION));
    QStringList arguments = QCoreApplication::arguments();
    arguments.removeFirst();
    return ventanilla::hubapp::runCommand(arguments);
}
