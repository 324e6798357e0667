// ventanilla-console: composition root of the advisor's app (and, with --host-hub, of the
// hub too). All behaviour lives in the libraries.
#include "console_setup.h"

#include "ventanilla/client/console_controller.h"
#include "ventanilla/ui/app_options.h"
#include "ventanilla/ui/app_window.h"

#include <QGuiApplication>
#include <QQmlApplicationEngine>
#include <QTextStream>

#include <gst/gst.h>

using namespace ventanilla;

int main(int argc, char *argv[])
{
    const bool headless = ui::prepareHeadless(argc, argv);
    gst_init(&argc, &argv);
    QGuiApplication app(argc, argv);
    QGuiApplication::setApplicationName(QStringLiteral("ventanilla-console"));
    QGuiApplication::setApplicationVersion(QStringLiteral(VENTANILLA_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Ventanilla console: the advisor's desk."));
    ui::addSharedOptions(parser);
    consoleapp::addConsoleOptions(parser);
    parser.process(app);
    auto options = ui::readSharedOptions(parser);
    if (!options) {
        QTextStream(stderr) << "ventanilla-console: " << options.error() << '\n';
        return 2;
    }
    options->automation.answer = parser.isSet(QStringLiteral("answer"));
    options->automation.available = parser.isSet(QStringLiteral("available"));
    auto setup = consoleapp::setUpConsole(parser, options->configPath);
    if (!setup) {
        QTextStream(stderr) << "ventanilla-console: " << setup.error() << '\n';
        return 2;
    }

    client::ConsoleController controller(setup->console);
    std::unique_ptr<client::Automation> automation;
    if (options->automation.active())
        automation = std::make_unique<client::Automation>(controller, options->automation);

    // Declared after the controller (and the hub) so it is destroyed first.
    std::unique_ptr<QQmlApplicationEngine> engine;
    if (!headless
        && !(engine = ui::loadWindow(QUrl(QStringLiteral("qrc:/Ventanilla/Console/Main.qml")), &controller, *options)))
        return 1;
    if (!setup->password.isEmpty())
        controller.logIn(setup->console.user, setup->password);
    const int code = QGuiApplication::exec();
    controller.disconnectFromHub();
    return code;
}
