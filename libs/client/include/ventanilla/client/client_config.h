// Settings of the two client apps: where the hub is and how to trust it ([hub]), who this
// kiosk or advisor is ([kiosk] / [advisor]), and the media ([media], see media_config.h).
#pragma once

#include "ventanilla/core/config_file.h"
#include "ventanilla/media/media_config.h"
#include "ventanilla/signalling/signalling_client.h"

#include <QUrl>

namespace ventanilla::client {

struct HubLink {
    QUrl url{QStringLiteral("wss://localhost:8443/")};
    QString certificatePath; // the pinned hub certificate
};

struct KioskConfig {
    HubLink hub;
    QString siteId;
    QString credential;
    QString language = QStringLiteral("es");
    media::MediaConfig media;
};

struct ConsoleConfig {
    HubLink hub;
    QString user; // pre-filled on the login screen
    QString passwordFile; // for unattended consoles and the demo only
    media::MediaConfig media;
};

// The signalling link's options for this hub, saying hello with these fields.
signalling::ClientOptions linkOptions(const HubLink &hub, QJsonObject hello = {});

enum class HubLocation { Unknown = 0, Remote, InProcess };

HubLink readHubLink(ConfigFile &config);
KioskConfig readKioskConfig(ConfigFile &config);
// With the hub in-process, [hub] url and certificate come from the hub itself.
ConsoleConfig readConsoleConfig(ConfigFile &config, HubLocation hub);

} // namespace ventanilla::client
