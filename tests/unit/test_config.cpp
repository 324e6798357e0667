// Config files: every wrong value is reported with file, line and key, and defaults hold.
#include "ventanilla/client/client_config.h"
#include "ventanilla/core/config_file.h"
#include "ventanilla/hub/hub_config.h"
#include "ventanilla/media/media_config.h"

#include <catch2/catch.hpp>

using namespace ventanilla;

TEST_CASE("an empty config gives the documented defaults", "[config]")
{
    ConfigFile config = ConfigFile::fromText({});
    const hub::HubConfig hub = hub::readHubConfig(config, QStringLiteral("/var/lib/ventanilla"));
    const media::MediaConfig media = media::readMediaConfig(config);
    config.rejectUnknownKeys();
    CHECK_FALSE(config.hasErrors());
    CHECK(hub.port == 8443);
    CHECK(hub.databasePath == QStringLiteral("/var/lib/ventanilla/hub.db"));
    CHECK(hub.grace_ms == 30000);
    CHECK(media.width == 1280);
    CHECK(media.height == 720);
    CHECK(media.framerate == 30);
    CHECK(media.cameraSource == QStringLiteral("auto"));
}

TEST_CASE("values are read from sections", "[config]")
{
    ConfigFile config = ConfigFile::fromText(QStringLiteral(
        "# a comment\n[hub]\nport = 9000\nlisten_address = 0.0.0.0\n[media]\ncamera = videotestsrc is-live=true\n"
        "ice_local_addresses = 127.0.0.1, ::1\nwire_audit = yes\n"));
    const hub::HubConfig hub = hub::readHubConfig(config, QStringLiteral("/tmp"));
    const media::MediaConfig media = media::readMediaConfig(config);
    config.rejectUnknownKeys();
    CHECK(config.errorText().isEmpty());
    CHECK(hub.port == 9000);
    CHECK(hub.listenAddress == QHostAddress(QStringLiteral("0.0.0.0")));
    CHECK(media.cameraSource == QStringLiteral("videotestsrc is-live=true"));
    CHECK(media.iceLocalAddresses == QStringList{QStringLiteral("127.0.0.1"), QStringLiteral("::1")});
    CHECK(media.wireAudit);
}

TEST_CASE("wrong values are reported with file, line and key", "[config]")
{
    ConfigFile config = ConfigFile::fromText(
        QStringLiteral("[hub]\nport = eighty\nheartbeat_ms = 5\nlisten_address = somewhere\n"
                       "[media]\nwidth = 99999\nwire_audit = maybe\nstun_server = 1.2.3.4\n"
                       "colour = blue\nthis line has no equals sign\n[broken\n[hub]\nport = 1\n"),
        QStringLiteral("hub.conf"));
    hub::readHubConfig(config, QStringLiteral("/tmp"));
    media::readMediaConfig(config);
    config.rejectUnknownKeys();
    const QString errors = config.errorText();
    INFO(errors.toStdString());
    CHECK(errors.contains(QStringLiteral("hub.conf:2: hub/port: \"eighty\" is not a whole number")));
    CHECK(errors.contains(QStringLiteral("hub.conf:3: hub/heartbeat_ms: 5 is out of range")));
    CHECK(errors.contains(QStringLiteral("hub.conf:4: hub/listen_address")));
    CHECK(errors.contains(QStringLiteral("hub.conf:6: media/width")));
    CHECK(errors.contains(QStringLiteral("hub.conf:7: media/wire_audit")));
    CHECK(errors.contains(QStringLiteral("hub.conf:8: media/stun_server")));
    CHECK(errors.contains(QStringLiteral("hub.conf:9: unknown setting \"media/colour\"")));
    CHECK(errors.contains(QStringLiteral("hub.conf:10: expected \"key = value\"")));
    CHECK(errors.contains(QStringLiteral("hub.conf:11: a section header")));
    CHECK(errors.contains(QStringLiteral("hub.conf:13: hub/port is set twice")));
}

TEST_CASE("a kiosk config needs its identity and a hub it can pin", "[config]")
{
    ConfigFile config = ConfigFile::fromText(
        QStringLiteral("[hub]\nurl = http://hub\ncertificate = /nonexistent/hub.crt\n"), QStringLiteral("kiosk.conf"));
    client::readKioskConfig(config);
    const QString errors = config.errorText();
    INFO(errors.toStdString());
    CHECK(errors.contains(QStringLiteral("hub/url")));
    CHECK(errors.contains(QStringLiteral("hub/certificate: /nonexistent/hub.crt does not exist")));
    CHECK(errors.contains(QStringLiteral("kiosk/site_id: is required")));
    CHECK(errors.contains(QStringLiteral("kiosk/credential")));
}

TEST_CASE("a missing config file is a clear error", "[config]")
{
    const auto loaded = ConfigFile::load(QStringLiteral("/nonexistent/kiosk.conf"));
    REQUIRE_FALSE(loaded.ok());
    CHECK(loaded.error().contains(QStringLiteral("/nonexistent/kiosk.conf")));
}
