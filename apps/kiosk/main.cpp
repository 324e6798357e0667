// ventanilla-kiosk: composition root. Reads kiosk.conf, creates the kiosk controller and
// hands it to the QML screens; all behaviour lives in the libraries.
#include "ventanilla/client/kiosk_controller.h"
#include "ventanilla/ui/app_options.h"
#include "ventanilla/ui/app_window.h"

#include <QCommandLineParser>
#include <QGuiApplication>
#include <QQmlApplicationEngine>
#include <QTextStream>

#include <gst/gst.h>

#include <memory>

using namespace ventanilla;

int main(int argc, char *argv[])
{
    const bool headless = ui::prepareHeadless(argc, argv);
    gst_init(&argc, &argv);
    QGuiApplication app(argc, argv);
    QGuiApplication::setApplicationName(QStringLiteral("ventanilla-kiosk"));
    QGuiApplication::setApplicationVersion(QStringLiteral(VENTANILLA_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Ventanilla kiosk: the citizen's booth in the town hall."));
    ui::addSharedOptions(parser);
    parser.addOption({QStringLiteral("call"), QStringLiteral("automation: request a call for this service once online"),
        QStringLiteral("service")});
    parser.addOption(
        {QStringLiteral("show-menu"), QStringLiteral("open the service menu once the hub sends it (for screenshots)")});
    parser.process(app);
    auto options = ui::readSharedOptions(parser);
    if (!options) {
        QTextStream(stderr) << "ventanilla-kiosk: " << options.error() << '\n';
        return 2;
    }
    options->automation.callService = parser.value(QStringLiteral("call"));

    auto file = ConfigFile::load(options->configPath);
    if (!file) {
        QTextStream(stderr) << "ventanilla-kiosk: " << file.error() << '\n';
        return 2;
    }
    const client::KioskConfig config = client::readKioskConfig(*file);
    file->rejectUnknownKeys();
    if (file->hasErrors()) {
        QTextStream(stderr) << "ventanilla-kiosk: the config has errors:\n" << file->errorText() << '\n';
        return 2;
    }

    client::KioskController controller(config);
    if (parser.isSet(QStringLiteral("show-menu"))) {
        QObject::connect(
            &controller, &client::KioskController::servicesChanged, &controller,
            [&controller] { controller.openServiceMenu(); }, Qt::SingleShotConnection);
    }
    std::unique_ptr<client::Automation> automation;
    if (options->automation.active())
        automation = std::make_unique<client::Automation>(controller, options->automation);

    // Declared after the controller so it is destroyed first: QML must not outlive what it shows.
    std::unique_ptr<QQmlApplicationEngine> engine;
    if (!headless
        && !(engine = ui::loadWindow(QUrl(QStringLiteral("qrc:/Ventanilla/Kiosk/Main.qml")), &controller, *options)))
        return 1;
    if (auto started = controller.connectToHub(); !started) {
        QTextStream(stderr) << "ventanilla-kiosk: " << started.error() << '\n';
        return 2;
    }
    const int code = QGuiApplication::exec();
    controller.disconnectFromHub();
    return code;
}
