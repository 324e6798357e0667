// The hub's settings ([hub] section of hub.conf, or of console.conf with --host-hub).
// docs/configuration.md lists each key, its default and what a wrong value does.
#pragma once

#include "ventanilla/core/config_file.h"

#include <QHostAddress>
#include <QStringList>

namespace ventanilla::hub {

// How appointments (cita previa) are offered and kept.
struct AppointmentRules {
    int slotMinutes = 15; // slots start every this many minutes inside the opening hours
    int perSlot = 2; // appointments one office's kiosk takes per slot
    int daysAhead = 14; // how far ahead a citizen can book
    int checkInEarly_min = 30; // a citizen may check in this early (they are attended at their time)
    int noShowAfter_min = 15; // not checked in this long after the start: a no-show
};

struct HubConfig {
    QHostAddress listenAddress = QHostAddress::LocalHost;
    quint16 port = 8443;
    QString dataDirectory; // holds hub.db and pki/ unless set apart
    QString databasePath; // default: <data>/hub.db
    QString pkiDirectory; // default: <data>/pki
    QStringList hostNames{QStringLiteral("localhost"), QStringLiteral("127.0.0.1")};
    int heartbeat_ms = 5000;
    int grace_ms = 30000;
    int ringTimeout_ms = 20000;
    int wrapUp_s = 0; // after a call, the advisor finishes its record before the next citizen
    int preferredBoost_s = 300; // a preferred citizen goes ahead of those who came this much later at most
    AppointmentRules appointments;
    int retentionDays = 365; // citizens' personal data older than this is erased; statistics stay
};

// Reads the [hub] keys; errors accumulate in config.
HubConfig readHubConfig(ConfigFile &config, const QString &defaultDataDirectory);

} // namespace ventanilla::hub
