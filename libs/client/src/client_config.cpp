// Reads and checks the kiosk's and the console's settings.
#include "ventanilla/client/client_config.h"

#include <QFile>

namespace ventanilla::client {

HubLink readHubLink(ConfigFile &config)
{
    HubLink link;
    const QString url = config.string(QStringLiteral("hub/url"), link.url.toString());
    link.url = QUrl(url);
    if (!link.url.isValid() || link.url.scheme() != QLatin1String("wss") || link.url.host().isEmpty())
        config.invalid(QStringLiteral("hub/url"), QStringLiteral("\"%1\" must be a wss:// URL with a host").arg(url));
    link.certificatePath = config.path(QStringLiteral("hub/certificate"), {});
    if (link.certificatePath.isEmpty())
        config.invalid(
            QStringLiteral("hub/certificate"), QStringLiteral("is required: the hub's certificate (hub.crt) to pin"));
    else if (!QFile::exists(link.certificatePath))
        config.invalid(
            QStringLiteral("hub/certificate"), QStringLiteral("%1 does not exist").arg(link.certificatePath));
    return link;
}

signalling::ClientOptions linkOptions(const HubLink &hub, QJsonObject hello)
{
    signalling::ClientOptions options;
    options.hubUrl = hub.url;
    options.pinnedCertificatePath = hub.certificatePath;
    options.hello = std::move(hello);
    return options;
}

KioskConfig readKioskConfig(ConfigFile &config)
{
    KioskConfig kiosk;
    kiosk.hub = readHubLink(config);
    kiosk.siteId = config.requiredString(QStringLiteral("kiosk/site_id"));
    const QString credentialFile = config.path(QStringLiteral("kiosk/credential_file"), {});
    kiosk.credential = config.string(QStringLiteral("kiosk/credential"), {});
    if (!credentialFile.isEmpty()) {
        QFile file(credentialFile);
        if (file.open(QIODevice::ReadOnly))
            kiosk.credential = QString::fromUtf8(file.readLine()).trimmed();
        else
            config.invalid(
                QStringLiteral("kiosk/credential_file"), QStringLiteral("cannot read %1").arg(credentialFile));
    }
    if (kiosk.credential.isEmpty())
        config.invalid(QStringLiteral("kiosk/credential"), QStringLiteral("is required (or credential_file)"));
    kiosk.language
        = config.choice(QStringLiteral("kiosk/language"), kiosk.language, {QStringLiteral("es"), QStringLiteral("en")});
    kiosk.media = media::readMediaConfig(config);
    return kiosk;
}

ConsoleConfig readConsoleConfig(ConfigFile &config, HubLocation hub)
{
    ConsoleConfig console;
    if (hub == HubLocation::Remote)
        console.hub = readHubLink(config);
    console.user = config.string(QStringLiteral("advisor/user"), {});
    console.passwordFile = config.path(QStringLiteral("advisor/password_file"), {});
    if (!console.passwordFile.isEmpty() && !QFile::exists(console.passwordFile))
        config.invalid(
            QStringLiteral("advisor/password_file"), QStringLiteral("%1 does not exist").arg(console.passwordFile));
    console.media = media::readMediaConfig(config);
    return console;
}

} // namespace ventanilla::client
