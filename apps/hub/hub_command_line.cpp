// Parses the hub's command line, loads hub.conf and runs one command.
#include "hub_command_line.h"

#include "ventanilla/hub/admin.h"
#include "ventanilla/hub/hub.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
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
  set-skills USER ["SKILL[:LEVEL],…"] what an advisor attends (none: everything)
  set-shift USER "HOURS"              an advisor's weekly shift, e.g. "mon-fri 08:00-15:00" ("" = no schedule)
  add-leave USER YYYY-MM-DD ["NOTE"]  a day an advisor does not work
  add-kiosk SITE_ID "MUNICIPALITY"    add a kiosk; prints its credential once
  list-advisors | list-kiosks         list them
  add-office INE "MUNICIPALITY" "ADDRESS" "HOURS"   a municipal office, e.g. HOURS "mon-sun 09:00-14:00 16:00-19:00"
  set-hours INE "HOURS"               change an office's timetable
  add-holiday INE YYYY-MM-DD ["NOTE"] close an office for a day
  attach-kiosk SITE_ID INE            say in which office a kiosk stands
  list-offices                        offices, their hours and whether each is open now
  import-charter FILE                 check a services charter and put it in force
  charter                             show the charter in force
  export-charter [--html F] [--pdf F] the charter in force, printable
  book INE SERVICE "YYYY-MM-DD HH:MM" "NAME" PHONE  book an appointment (local time at the office)
  appointments INE [YYYY-MM-DD]       an office's appointments on a day (default today)
  cancel-appointment CODE             cancel a booked appointment
  callbacks                           call-backs to make, and those closed in the last day
  queue                               citizens waiting and in conversation now
  stats FROM TO [BY]                  statistics of days FROM..TO as CSV, BY e.g. "service,day"
                                      (service, office, advisor, day, hour)
  calls [N]                           the N most recent calls (default 20)
  call-summary [CALL_ID|last] [--check]  one JSON line: what both sides measured of a call
  purge                               erase citizens' personal data older than [hub] retention_days
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
    const QStringList operands = args.mid(1);

    if (command == QLatin1String("serve") && operands.isEmpty())
        return serve(config);
    if (command == QLatin1String("init") && operands.isEmpty()) {
        auto result = hub::admin::initialise(config);
        return result ? say(*result) : fail(result.error());
    }

    // Every other command works on the database: name, how many operands, what it does.
    using Run = std::function<Result<QString>(store::Store &, const QStringList &)>;
    struct StoreCommand {
        const char *name;
        qsizetype minOperands;
        qsizetype maxOperands;
        Run run;
    };
    namespace admin = hub::admin;
    const auto text = [](QString value) -> Result<QString> { return value; };
    const std::vector<StoreCommand> commands{
        {"add-advisor", 2, 2,
            [](store::Store &s, const QStringList &a) {
                return admin::addAdvisor(s, a[0], a[1], QTextStream(stdin).readLine());
            }},
        {"set-skills", 1, 2,
            [](store::Store &s, const QStringList &a) { return admin::setSkills(s, a[0], a.value(1)); }},
        {"add-kiosk", 2, 2, [](store::Store &s, const QStringList &a) { return admin::addKiosk(s, a[0], a[1]); }},
        {"list-advisors", 0, 0,
            [&](store::Store &s, const QStringList &) {
                return text(admin::listAdvisors(s, QDateTime::currentDateTimeUtc()));
            }},
        {"set-shift", 2, 2, [](store::Store &s, const QStringList &a) { return admin::setShift(s, a[0], a[1]); }},
        {"add-leave", 2, 3,
            [](store::Store &s, const QStringList &a) { return admin::addLeave(s, a[0], a[1], a.value(2)); }},
        {"list-kiosks", 0, 0, [&](store::Store &s, const QStringList &) { return text(admin::listKiosks(s)); }},
        {"add-office", 4, 4,
            [](store::Store &s, const QStringList &a) { return admin::addOffice(s, a[0], a[1], a[2], a[3]); }},
        {"set-hours", 2, 2,
            [](store::Store &s, const QStringList &a) { return admin::setOpeningHours(s, a[0], a[1]); }},
        {"add-holiday", 2, 3,
            [](store::Store &s, const QStringList &a) { return admin::addHoliday(s, a[0], a[1], a.value(2)); }},
        {"attach-kiosk", 2, 2, [](store::Store &s, const QStringList &a) { return admin::attachKiosk(s, a[0], a[1]); }},
        {"list-offices", 0, 0,
            [&](store::Store &s, const QStringList &) {
                return text(admin::listOffices(s, QDateTime::currentDateTimeUtc()));
            }},
        {"import-charter", 1, 1, [](store::Store &s, const QStringList &a) { return admin::importCharter(s, a[0]); }},
        {"charter", 0, 0, [](store::Store &s, const QStringList &) { return admin::describeCharter(s); }},
        {"export-charter", 0, 0,
            [&](store::Store &s, const QStringList &) {
                return admin::exportCharter(
                    s, parser.value(QStringLiteral("html")), parser.value(QStringLiteral("pdf")));
            }},
        {"book", 5, 5,
            [&](store::Store &s, const QStringList &a) {
                return admin::bookAppointment(
                    s, config.appointments, a[0], a[1], a[2], a[3], a[4], QDateTime::currentDateTimeUtc());
            }},
        {"appointments", 1, 2,
            [](store::Store &s, const QStringList &a) {
                return admin::listAppointments(s, a[0], a.value(1), QDateTime::currentDateTimeUtc());
            }},
        {"cancel-appointment", 1, 1,
            [](store::Store &s, const QStringList &a) { return admin::cancelAppointment(s, a[0]); }},
        {"callbacks", 0, 0,
            [&](store::Store &s, const QStringList &) {
                return text(admin::listCallbacks(s, QDateTime::currentDateTimeUtc()));
            }},
        {"queue", 0, 0,
            [&](store::Store &s, const QStringList &) {
                return text(admin::liveQueue(s, QDateTime::currentDateTimeUtc()));
            }},
        {"stats", 2, 3,
            [](store::Store &s, const QStringList &a) { return admin::statisticsCsv(s, a[0], a[1], a.value(2)); }},
        {"calls", 0, 1,
            [&](store::Store &s, const QStringList &a) -> Result<QString> {
                bool ok = true;
                const int limit = a.isEmpty() ? 20 : a[0].toInt(&ok);
                if (!ok || limit < 1)
                    return failure(QStringLiteral("calls takes a positive number"));
                return admin::listCalls(s, limit);
            }},
        {"purge", 0, 0,
            [&](store::Store &s, const QStringList &) {
                return admin::purge(s, config.retentionDays, QDateTime::currentDateTimeUtc());
            }},
        {"backup", 1, 1, [](store::Store &s, const QStringList &a) { return admin::backup(s, a[0]); }},
    };
    try {
        for (const StoreCommand &candidate : commands) {
            if (command != QLatin1String(candidate.name) || operands.size() < candidate.minOperands
                || operands.size() > candidate.maxOperands)
                continue;
            auto store = store::Store::open(config.databasePath);
            auto result = candidate.run(store, operands);
            return result ? say(*result) : fail(result.error());
        }
        // call-summary prints JSON and, with --check, answers with its exit code.
        if (command == QLatin1String("call-summary") && operands.size() <= 1) {
            auto store = store::Store::open(config.databasePath);
            auto result = admin::callSummary(store, operands.value(0, QStringLiteral("last")));
            if (!result)
                return fail(result.error());
            say(QString::fromUtf8(QJsonDocument(*result).toJson(QJsonDocument::Compact)));
            if (!parser.isSet(QStringLiteral("check")))
                return 0;
            const QStringList problems = admin::callProblems(*result);
            for (const QString &problem : problems)
                QTextStream(stderr) << "ventanilla-hub: " << problem << '\n';
            return problems.isEmpty() ? 0 : 1;
        }
    } catch (const store::StoreError &error) {
        return fail(QString::fromStdString(error.what()));
    }
    return fail(QStringLiteral("unknown command or wrong number of arguments: %1\n%2")
                    .arg(args.join(QLatin1Char(' ')), QString::fromUtf8(kUsage)));
}

} // namespace ventanilla::hubapp
