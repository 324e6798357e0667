// Reads and checks the [hub] settings.
#include "ventanilla/hub/hub_config.h"

#include <QDir>

namespace ventanilla::hub {

HubConfig readHubConfig(ConfigFile &config, const QString &defaultDataDirectory)
{
    HubConfig hub;
    const QString listen = config.string(QStringLiteral("hub/listen_address"), QStringLiteral("127.0.0.1"));
    hub.listenAddress = QHostAddress(listen);
    if (hub.listenAddress.isNull()) {
        config.invalid(QStringLiteral("hub/listen_address"), QStringLiteral("\"%1\" is not an IP address").arg(listen));
        hub.listenAddress = QHostAddress::LocalHost;
    }
    hub.port = static_cast<quint16>(config.integer(QStringLiteral("hub/port"), 8443, 0, 65535));
    hub.dataDirectory = config.path(QStringLiteral("hub/data_directory"), defaultDataDirectory);
    hub.databasePath
        = config.path(QStringLiteral("hub/database"), QDir(hub.dataDirectory).filePath(QStringLiteral("hub.db")));
    hub.pkiDirectory
        = config.path(QStringLiteral("hub/pki_directory"), QDir(hub.dataDirectory).filePath(QStringLiteral("pki")));
    const QString hosts = config.string(QStringLiteral("hub/host_names"), hub.hostNames.join(QLatin1Char(',')));
    hub.hostNames.clear();
    for (const QString &host : hosts.split(QLatin1Char(','), Qt::SkipEmptyParts))
        hub.hostNames << host.trimmed();
    hub.heartbeat_ms = config.integer(QStringLiteral("hub/heartbeat_ms"), 5000, 500, 60000);
    hub.grace_ms = config.integer(QStringLiteral("hub/grace_ms"), 30000, 0, 600000);
    hub.ringTimeout_ms = config.integer(QStringLiteral("hub/ring_timeout_ms"), 20000, 1000, 300000);
    hub.wrapUp_s = config.integer(QStringLiteral("hub/wrap_up_s"), 0, 0, 600);
    hub.preferredBoost_s = config.integer(QStringLiteral("hub/preferred_boost_s"), 300, 0, 3600);
    hub.retentionDays = config.integer(QStringLiteral("hub/retention_days"), 365, 30, 3650);
    AppointmentRules &rules = hub.appointments;
    rules.slotMinutes = config.integer(QStringLiteral("hub/appointment_slot_min"), 15, 5, 120);
    rules.perSlot = config.integer(QStringLiteral("hub/appointments_per_slot"), 2, 1, 50);
    rules.daysAhead = config.integer(QStringLiteral("hub/appointment_days_ahead"), 14, 1, 60);
    rules.checkInEarly_min = config.integer(QStringLiteral("hub/check_in_early_min"), 30, 0, 240);
    rules.noShowAfter_min = config.integer(QStringLiteral("hub/no_show_after_min"), 15, 1, 120);
    return hub;
}

} // namespace ventanilla::hub
