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

namespace {

// For screenshots and demos: walks an errand as a citizen would once the hub's menu is in.
void startErrandWhenReady(client::KioskController &controller, const QStringList &errand)
{
    QObject::connect(
        &controller, &client::KioskController::servicesChanged, &controller,
        [&controller, errand] {
            controller.startErrand(errand.value(0));
            if (errand.size() > 1)
                controller.chooseService(errand.value(1));
            if (errand.value(2) != QLatin1String("submit"))
                return;
            if (controller.errandStep() == QLatin1String("phone"))
                return controller.submitPhone(QStringLiteral("600111222"));
            QObject::connect(&controller, &client::KioskController::errandChanged, &controller, [&controller] {
                if (controller.errandStep() == QLatin1String("slot") && !controller.appointmentSlots().isEmpty()) {
                    const auto first = controller.appointmentSlots().first().toMap();
                    controller.chooseSlot(qint64(first.value(QStringLiteral("startsAtMs")).toDouble()));
                    controller.submitPhone(QStringLiteral("600111222"));
                }
            });
        },
        Qt::SingleShotConnection);
}

} // namespace

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
    parser.addOption({QStringLiteral("errand"),
        QStringLiteral("automation, for screenshots: start an errand once the hub sends the menu: check-in, "
                       "callback:SERVICE, appointment:SERVICE; with :submit the first slot is booked, or the call-back "
                       "asked for, with the phone 600111222"),
        QStringLiteral("errand")});
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
    if (parser.isSet(QStringLiteral("errand")))
        startErrandWhenReady(controller, parser.value(QStringLiteral("errand")).split(QLatin1Char(':')));
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
