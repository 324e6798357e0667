// Parses the hub's command line, loads hub.conf and runs one command.
#include "hub_command_line.h"

#include "ventanilla/hub/admin.h"
#include "ventanilla/hub/hub.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonDocument>
#include <QSocketNotifier>
#include <QStandardPaths>
#include <QTextStream>

#include <csignal>
#include <sys/socket.h>
#include <unistd.h>

namespace ventanilla::hubapp {
namespace {

const char *kUsage = R"(commands:
  serve                               run the hub (the default)
  init                                create the database and the demo PKI
  add-advisor USER "DISPLAY NAME"     add an advisor; the password is read from standard input
  add-kiosk SITE_ID "MUNICIPALITY"    add a kiosk; prints its credential once
  list-advisors | list-kiosks         list them
  import-charter FILE                 check a services charter and put it in force
  charter                             show the charter in force
  export-charter [--html F] [--pdf F] the charter in force, printable
  calls [N]                           the N most recent calls (default 20)
  call-summary [CALL_ID|last] [--check]  one JSON line: what both sides measured of a call
  backup FILE                         online copy of the database)";

int fail(const QString &message)
{
    QTextStream(stderr) << "ventanilla-hub: " << message << '\n';
    return 1;
}

int say(const QString &message)
{
    QTextStream(stdout) << message << '\n';
    return 0;
}

// Quits the event loop on SIGINT/SIGTERM through a socket pair (the only safe way out of a handler).
int g_signalFds[2] = {-1, -1};
void onSignal(int)
{
    [[maybe_unused]] auto n = ::write(g_signalFds[0], "x", 1);
}

void quitOnSignals()
{
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, g_signalFds) != 0)
        return;
    auto *notifier = new QSocketNotifier(g_signalFds[1], QSocketNotifier::Read, qApp);
    QObject::connect(notifier, &QSocketNotifier::activated, qApp, [] { QCoreApplication::quit(); });
    std::signal(SIGINT, onSignal);
    std::signal(SIGTERM, onSignal);
}

int serve(const hub::HubConfig &config)
{
    try {
        hub::Hub hub(config, store::Store::open(config.databasePath));
        if (auto started = hub.start(); !started)
            return fail(started.error());
        quitOnSignals();
        QTextStream(stdout) << "ventanilla-hub: listening on port " << hub.port() << Qt::endl;
        const int code = QCoreApplication::exec();
        hub.stop();
        return code;
    } catch (const store::StoreError &error) {
        return fail(QString::fromStdString(error.what()));
    }
}

} // namespace

int runCommand(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Ventanilla hub: routes citizens to advisors.\n") + QString::fromUtf8(kUsage));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOption({QStringLiteral("config"), QStringLiteral("hub config file (INI)"), QStringLiteral("file")});
    parser.addOption(
        {QStringLiteral("data"), QStringLiteral("data directory, overriding the config"), QStringLiteral("dir")});
    parser.addOption({QStringLiteral("port"), QStringLiteral("port to listen on, overriding the config (0 = any free)"),
        QStringLiteral("port")});
    parser.addOption(
        {QStringLiteral("html"), QStringLiteral("export-charter: write HTML here"), QStringLiteral("file")});
    parser.addOption({QStringLiteral("pdf"), QStringLiteral("export-charter: write PDF here"), QStringLiteral("file")});
    parser.addOption(
        {QStringLiteral("check"), QStringLiteral("call-summary: exit 1 unless the call worked both ways")});
    parser.addPositionalArgument(QStringLiteral("command"), QStringLiteral("see the list above"));
    parser.process(QStringList{QCoreApplication::applicationFilePath()} + arguments);

    auto file = ConfigFile::load(parser.value(QStringLiteral("config")));
    if (!file)
        return fail(file.error());
    const QString defaultData = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    hub::HubConfig config = hub::readHubConfig(*file, defaultData);
    file->rejectUnknownKeys();
    if (file->hasErrors())
        return fail(QStringLiteral("the config has errors:\n") + file->errorText());
    if (parser.isSet(QStringLiteral("data"))) {
        config.dataDirectory = parser.value(QStringLiteral("data"));
        config.databasePath = config.dataDirectory + QStringLiteral("/hub.db");
        config.pkiDirectory = config.dataDirectory + QStringLiteral("/pki");
    }
    if (parser.isSet(QStringLiteral("port"))) {
        bool ok = false;
        const uint port = parser.value(QStringLiteral("port")).toUInt(&ok);
        if (!ok || port > 65535)
            return fail(QStringLiteral("--port must be a number from 0 to 65535"));
        config.port = static_cast<quint16>(port);
    }

    const QStringList args = parser.positionalArguments();
    const QString command = args.value(0, QStringLiteral("serve"));
    const auto expect = [&](int count) { return args.size() == count + 1; };

    if (command == QLatin1String("serve") && expect(0))
        return serve(config);
    if (command == QLatin1String("init") && expect(0)) {
        auto result = hub::admin::initialise(config);
        return result ? say(*result) : fail(result.error());
    }
    try {
        if (command == QLatin1String("add-advisor") && expect(2)) {
            const QString password = QTextStream(stdin).readLine();
            auto store = store::Store::open(config.databasePath);
            auto result = hub::admin::addAdvisor(store, args[1], args[2], password);
            return result ? say(*result) : fail(result.error());
        }
        if (command == QLatin1String("add-kiosk") && expect(2)) {
            auto store = store::Store::open(config.databasePath);
            auto result = hub::admin::addKiosk(store, args[1], args[2]);
            return result ? say(*result) : fail(result.error());
        }
        if (command == QLatin1String("import-charter") && expect(1)) {
            auto store = store::Store::open(config.databasePath);
            auto result = hub::admin::importCharter(store, args[1]);
            return result ? say(*result) : fail(result.error());
        }
        if (command == QLatin1String("charter") && expect(0)) {
            auto store = store::Store::open(config.databasePath);
            auto result = hub::admin::describeCharter(store);
            return result ? say(*result) : fail(result.error());
        }
        if (command == QLatin1String("export-charter") && expect(0)) {
            auto store = store::Store::open(config.databasePath);
            auto result = hub::admin::exportCharter(
                store, parser.value(QStringLiteral("html")), parser.value(QStringLiteral("pdf")));
            return result ? say(*result) : fail(result.error());
        }
        if (command == QLatin1String("list-advisors") && expect(0)) {
            auto store = store::Store::open(config.databasePath);
            return say(hub::admin::listAdvisors(store));
        }
        if (command == QLatin1String("list-kiosks") && expect(0)) {
            auto store = store::Store::open(config.databasePath);
            return say(hub::admin::listKiosks(store));
        }
        if (command == QLatin1String("calls") && (expect(0) || expect(1))) {
            bool ok = true;
            const int limit = args.size() > 1 ? args[1].toInt(&ok) : 20;
            if (!ok || limit < 1)
                return fail(QStringLiteral("calls takes a positive number"));
            auto store = store::Store::open(config.databasePath);
            return say(hub::admin::listCalls(store, limit));
        }
        if (command == QLatin1String("call-summary") && (expect(0) || expect(1))) {
            auto store = store::Store::open(config.databasePath);
            auto result = hub::admin::callSummary(store, args.value(1, QStringLiteral("last")));
            if (!result)
                return fail(result.error());
            say(QString::fromUtf8(QJsonDocument(*result).toJson(QJsonDocument::Compact)));
            if (parser.isSet(QStringLiteral("check"))) {
                const QStringList problems = hub::admin::callProblems(*result);
                for (const QString &problem : problems)
                    QTextStream(stderr) << "ventanilla-hub: " << problem << '\n';
                return problems.isEmpty() ? 0 : 1;
            }
            return 0;
        }
        if (command == QLatin1String("backup") && expect(1)) {
            auto store = store::Store::open(config.databasePath);
            auto result = hub::admin::backup(store, args[1]);
            return result ? say(*result) : fail(result.error());
        }
    } catch (const store::StoreError &error) {
        return fail(QString::fromStdString(error.what()));
    }
    return fail(QStringLiteral("unknown command or wrong number of arguments: %1\n%2")
                    .arg(args.join(QLatin1Char(' ')), QString::fromUtf8(kUsage)));
}

} // namespace ventanilla::hubapp
