// Config, in-process hub and link set-up of the console.
#include "console_setup.h"

#include "ventanilla/crypto/pki.h"

#include <QDir>
#include <QFile>
#include <QStandardPaths>

namespace ventanilla::consoleapp {

void addConsoleOptions(QCommandLineParser &parser)
{
    parser.addOption({QStringLiteral("host-hub"), QStringLiteral("run the hub in this process (a one-box site)")});
    parser.addOption(
        {QStringLiteral("data"), QStringLiteral("hub data directory, with --host-hub"), QStringLiteral("dir")});
    parser.addOption({QStringLiteral("port"), QStringLiteral("hub port, with --host-hub"), QStringLiteral("port")});
    parser.addOption({QStringLiteral("user"), QStringLiteral("advisor to log in as"), QStringLiteral("user")});
    parser.addOption({QStringLiteral("password-file"),
        QStringLiteral("log in unattended with the password in this file"), QStringLiteral("file")});
    parser.addOption({QStringLiteral("answer"), QStringLiteral("automation: be available and accept every call")});
    parser.addOption({QStringLiteral("available"),
        QStringLiteral("automation: be available but leave offers ringing (for tests of unanswered calls)")});
}

Result<ConsoleSetup> setUpConsole(const QCommandLineParser &parser, const QString &configPath)
{
    auto file = ConfigFile::load(configPath);
    if (!file)
        return failure(file.error());
    const bool hostHub = parser.isSet(QStringLiteral("host-hub"));
    ConsoleSetup setup;
    hub::HubConfig hubConfig;
    if (hostHub)
        hubConfig = hub::readHubConfig(
            *file, QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/hub"));
    setup.console
        = client::readConsoleConfig(*file, hostHub ? client::HubLocation::InProcess : client::HubLocation::Remote);
    file->rejectUnknownKeys();
    if (file->hasErrors())
        return failure(QStringLiteral("the config has errors:\n") + file->errorText());

    if (parser.isSet(QStringLiteral("user")))
        setup.console.user = parser.value(QStringLiteral("user"));
    const QString passwordFile = parser.isSet(QStringLiteral("password-file"))
        ? parser.value(QStringLiteral("password-file"))
        : setup.console.passwordFile;
    if (!passwordFile.isEmpty()) {
        QFile passwords(passwordFile);
        if (!passwords.open(QIODevice::ReadOnly))
            return failure(QStringLiteral("cannot read the password file %1").arg(passwordFile));
        setup.password = QString::fromUtf8(passwords.readLine()).trimmed();
    }

    if (hostHub) {
        if (parser.isSet(QStringLiteral("data"))) {
            hubConfig.dataDirectory = parser.value(QStringLiteral("data"));
            hubConfig.databasePath = QDir(hubConfig.dataDirectory).filePath(QStringLiteral("hub.db"));
            hubConfig.pkiDirectory = QDir(hubConfig.dataDirectory).filePath(QStringLiteral("pki"));
        }
        if (parser.isSet(QStringLiteral("port"))) {
            bool ok = false;
            const uint port = parser.value(QStringLiteral("port")).toUInt(&ok);
            if (!ok || port > 65535)
                return failure(QStringLiteral("--port must be a number from 0 to 65535"));
            hubConfig.port = static_cast<quint16>(port);
        }
        QDir().mkpath(hubConfig.dataDirectory);
        try {
            setup.hub = std::make_unique<hub::Hub>(hubConfig, store::Store::open(hubConfig.databasePath));
        } catch (const store::StoreError &error) {
            return failure(QString::fromStdString(error.what()));
        }
        if (auto started = setup.hub->start(); !started)
            return failure(started.error());
        // The console talks to its own hub like any other client: same TLS, same pinning.
        const QString host = hubConfig.listenAddress.isLoopback() || hubConfig.listenAddress == QHostAddress::Any
            ? QStringLiteral("127.0.0.1")
            : hubConfig.listenAddress.toString();
        setup.console.hub.url = QUrl(QStringLiteral("wss://%1:%2/").arg(host).arg(setup.hub->port()));
        setup.console.hub.certificatePath = crypto::PkiPaths::inDirectory(hubConfig.pkiDirectory).hubCertificate;
    }
    return setup;
}

} // namespace ventanilla::consoleapp
