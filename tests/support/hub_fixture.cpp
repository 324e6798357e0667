// A real hub with one advisor and one kiosk, for integration tests.
#include "hub_fixture.h"

#include "ventanilla/hub/admin.h"

#include <catch2/catch.hpp>

#include <QDir>

namespace ventanilla::test {

HubFixture::HubFixture(int grace_ms, int ringTimeout_ms, int wrapUp_s, int preferredBoost_s)
{
    REQUIRE(m_dir.isValid());
    m_config.dataDirectory = m_dir.path();
    m_config.databasePath = QDir(m_dir.path()).filePath(QStringLiteral("hub.db"));
    m_config.pkiDirectory = QDir(m_dir.path()).filePath(QStringLiteral("pki"));
    m_config.port = 0;
    m_config.grace_ms = grace_ms;
    m_config.ringTimeout_ms = ringTimeout_ms;
    m_config.wrapUp_s = wrapUp_s;
    m_config.preferredBoost_s = preferredBoost_s;
    m_config.heartbeat_ms = 1000;
    auto initialised = hub::admin::initialise(m_config);
    REQUIRE(initialised.ok());
    {
        auto store = store::Store::open(m_config.databasePath);
        REQUIRE(hub::admin::addAdvisor(store, kAdvisorUser, QStringLiteral("Ana García"), kAdvisorPassword).ok());
        auto credential = hub::admin::addKiosk(store, kSiteId, QStringLiteral("El Bonillo"));
        REQUIRE(credential.ok());
        m_kioskCredential = *credential;
        const auto charter = hub::admin::importCharter(
            store, QStringLiteral(VENTANILLA_SOURCE_DIR "/resources/charter/albacete.charter"));
        if (!charter.ok())
            FAIL(charter.error().toStdString());
    }
    restart();
}

HubFixture::~HubFixture() = default;

void HubFixture::restart()
{
    if (m_hub) {
        m_config.port = m_hub->port();
        m_hub.reset();
    }
    m_hub = std::make_unique<hub::Hub>(m_config, store::Store::open(m_config.databasePath));
    const auto started = m_hub->start();
    if (!started.ok())
        FAIL(started.error().toStdString());
}

QString HubFixture::hubCertificate() const
{
    return QDir(m_config.pkiDirectory).filePath(QStringLiteral("hub.crt"));
}

client::KioskConfig HubFixture::kioskConfig(quint16 viaPort) const
{
    client::KioskConfig config;
    config.hub.url = QUrl(QStringLiteral("wss://127.0.0.1:%1/").arg(viaPort ? viaPort : m_hub->port()));
    config.hub.certificatePath = hubCertificate();
    config.siteId = kSiteId;
    config.credential = m_kioskCredential;
    config.media = testMediaConfig();
    return config;
}

client::KioskConfig HubFixture::addKiosk(const QString &siteId, const QString &municipality)
{
    const auto credential = hub::admin::addKiosk(store(), siteId, municipality);
    if (!credential.ok())
        FAIL(credential.error().toStdString());
    client::KioskConfig config = kioskConfig();
    config.siteId = siteId;
    config.credential = *credential;
    return config;
}

client::ConsoleConfig HubFixture::consoleConfig() const
{
    client::ConsoleConfig config;
    config.hub.url = QUrl(QStringLiteral("wss://127.0.0.1:%1/").arg(m_hub->port()));
    config.hub.certificatePath = hubCertificate();
    config.user = kAdvisorUser;
    config.media = testMediaConfig();
    return config;
}

} // namespace ventanilla::test
