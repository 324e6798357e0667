// Hub lifetime: PKI on first run, TLS, listening, shutdown.
#include "ventanilla/hub/hub.h"

#include "ventanilla/crypto/pki.h"
#include "ventanilla/hub/admin.h"
#include "ventanilla/hub/logging.h"
#include "ventanilla/signalling/tls.h"

namespace ventanilla::hub {

Hub::Hub(HubConfig config, store::Store store, QObject *parent)
    : QObject(parent), m_config(std::move(config)), m_store(std::move(store))
{
    // A link is dead after three missed heartbeats.
    m_server.setIdleTimeout(3 * m_config.heartbeat_ms);
    connect(&m_server, &signalling::SignallingServer::linkMessage, this, &Hub::onLinkMessage);
    connect(&m_server, &signalling::SignallingServer::linkClosed, this, &Hub::onLinkClosed);
    // IT staff import a new charter with the admin tool while the hub runs: notice it.
    m_charterWatch.setInterval(10000);
    connect(&m_charterWatch, &QTimer::timeout, this, &Hub::reloadCharter);
    m_officeWatch.setInterval(30000);
    connect(&m_officeWatch, &QTimer::timeout, this, &Hub::checkOfficeHours);
    m_positionsTimer.setSingleShot(true);
    m_positionsTimer.setInterval(500);
    connect(&m_positionsTimer, &QTimer::timeout, this, [this] { sendQueuePositions(); });
    m_retentionWatch.setInterval(3600 * 1000);
    connect(&m_retentionWatch, &QTimer::timeout, this, &Hub::applyRetention);
    m_dispatchTick.setInterval(1000);
    connect(&m_dispatchTick, &QTimer::timeout, this, [this] {
        if (!m_waiting.empty())
            offerWaitingCalls();
    });
}

Hub::~Hub()
{
    m_server.disconnect(this);
    m_server.close();
}

Status Hub::start()
{
    const auto pki = crypto::PkiPaths::inDirectory(m_config.pkiDirectory);
    if (!pki.allExist()) {
        qCInfo(lcHub).noquote() << "no PKI in" << m_config.pkiDirectory
                                << "- generating the demo CA and hub certificate";
        if (auto made = crypto::generateDemoPki(pki, m_config.hostNames); !made)
            return failure(QStringLiteral("cannot create the demo PKI: %1").arg(made.error()));
    }
    reloadCharter();
    if (!m_charter)
        qCWarning(lcHub) << "no services charter has been imported: kiosks cannot request calls until one is"
                            " (ventanilla-hub import-charter FILE)";
    restoreUnfinishedCalls();
    // Advisors still "on" in the log were cut off by a crash: their time ends now, for occupancy.
    if (const int cut = m_store.closeOpenAdvisorStates(store::nowMs(), QStringLiteral("hub-restart")); cut > 0)
        qCInfo(lcHub) << "recorded" << cut << "advisor(s) offline after an unclean stop";
    recordNoShows();
    applyRetention();
    m_retentionWatch.start();
    m_charterWatch.start();
    m_officeWatch.start();
    m_dispatchTick.start();
    auto tls = signalling::serverTlsConfiguration(pki.hubCertificate, pki.hubKey);
    if (!tls)
        return failure(tls.error());
    if (auto listening = m_server.listen(m_config.listenAddress, m_config.port, *tls); !listening)
        return listening;
    m_store.audit(QStringLiteral("hub"), QStringLiteral("start"), QStringLiteral("port %1").arg(m_server.port()));
    return success();
}

void Hub::reloadCharter()
{
    std::optional<store::CharterRecord> active;
    try {
        active = m_store.activeCharter();
    } catch (const store::StoreError &) {
        return; // logged by the store; keep the charter we have
    }
    if (!active || active->id == m_charterId)
        return;
    auto parsed = parseCharter(active->source, QStringLiteral("charter %1 (database)").arg(active->version));
    if (!parsed) {
        qCWarning(lcHub).noquote() << "the active charter in the database does not parse; keeping the previous one:"
                                   << parsed.error();
        return;
    }
    m_charter = std::move(parsed).value();
    m_charterId = active->id;
    qCInfo(lcHub).noquote() << "services charter" << m_charter->version << "in force with" << m_charter->services.size()
                            << "services";
    for (const auto &session : std::as_const(m_sessions))
        sendServices(*session);
}

void Hub::applyRetention()
{
    try {
        const auto summary = admin::purge(m_store, m_config.retentionDays, QDateTime::currentDateTimeUtc());
        qCInfo(lcHub).noquote() << *summary;
    } catch (const store::StoreError &) {
        // Logged by the store; tried again in an hour.
    }
}

void Hub::stop()
{
    m_server.close();
}

int Hub::onlineAdvisorCount() const
{
    return static_cast<int>(std::count_if(m_sessions.cbegin(), m_sessions.cend(),
        [](const auto &session) { return session->role == PeerRole::Advisor && session->link; }));
}

int Hub::waitingCallCount() const
{
    return static_cast<int>(m_waiting.size());
}

} // namespace ventanilla::hub
