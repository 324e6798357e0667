// Shared command-line options of the kiosk and the console.
#include "ventanilla/ui/app_options.h"

#include <cstring>

namespace ventanilla::ui {

void addSharedOptions(QCommandLineParser &parser)
{
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOption({QStringLiteral("config"), QStringLiteral("config file (INI)"), QStringLiteral("file")});
    parser.addOption({QStringLiteral("headless"), QStringLiteral("run without a window (offscreen)")});
    parser.addOption(
        {QStringLiteral("screenshot"), QStringLiteral("save the window as a PNG"), QStringLiteral("file")});
    parser.addOption({QStringLiteral("screenshot-after-ms"),
        QStringLiteral("when to take the screenshot (default 3000)"), QStringLiteral("ms")});
    parser.addOption({QStringLiteral("share-after-ms"),
        QStringLiteral("automation: share the kiosk's screen this long into the call"), QStringLiteral("ms")});
    parser.addOption({QStringLiteral("share-for-ms"), QStringLiteral("automation: for this long (default 3000)"),
        QStringLiteral("ms")});
    parser.addOption({QStringLiteral("hangup-after-ms"), QStringLiteral("automation: hang up this long into the call"),
        QStringLiteral("ms")});
    parser.addOption({QStringLiteral("quit-after-calls"), QStringLiteral("automation: quit after this many calls"),
        QStringLiteral("n")});
    parser.addOption({QStringLiteral("deadline-ms"), QStringLiteral("automation: exit with code 3 if not done by then"),
        QStringLiteral("ms")});
}

Result<AppOptions> readSharedOptions(const QCommandLineParser &parser)
{
    AppOptions options;
    options.configPath = parser.value(QStringLiteral("config"));
    options.headless = parser.isSet(QStringLiteral("headless"));
    options.screenshotPath = parser.value(QStringLiteral("screenshot"));
    QString error;
    const auto number = [&](const char *name, int fallback) {
        const QString key = QString::fromLatin1(name);
        if (!parser.isSet(key))
            return fallback;
        bool ok = false;
        const int value = parser.value(key).toInt(&ok);
        if (!ok || value < 0)
            error = QStringLiteral("--%1 takes a whole number of 0 or more").arg(key);
        return value;
    };
    options.screenshotAfter_ms = number("screenshot-after-ms", 3000);
    options.automation.shareAfter_ms = number("share-after-ms", -1);
    options.automation.shareFor_ms = number("share-for-ms", 3000);
    options.automation.hangUpAfter_ms = number("hangup-after-ms", -1);
    options.automation.quitAfterCalls = number("quit-after-calls", 0);
    options.automation.deadline_ms = number("deadline-ms", 0);
    if (!error.isEmpty())
        return failure(error);
    return options;
}

bool prepareHeadless(int argc, char **argv)
{
    bool headless = false;
    for (int i = 1; i < argc; ++i)
        headless = headless || std::strcmp(argv[i], "--headless") == 0;
    const bool noDisplay = qEnvironmentVariableIsEmpty("DISPLAY") && qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY");
    if ((headless || noDisplay) && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    return headless;
}

} // namespace ventanilla::ui
