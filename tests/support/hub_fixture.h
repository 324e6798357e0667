// A real hub on loopback for integration tests: temporary data directory, demo PKI,
// one advisor and one kiosk, and client configs that pin the hub's certificate.
#pragma once

#include "media_test_config.h"
#include "ventanilla/client/client_config.h"
#include "ventanilla/hub/hub.h"

#include <QTemporaryDir>

#include <memory>

namespace ventanilla::test {

inline const QString kAdvisorUser = QStringLiteral("ana");
inline const QString kAdvisorPassword = QStringLiteral("correct horse battery");
inline const QString kSiteId = QStringLiteral("el-bonillo");

class HubFixture {
public:
    explicit HubFixture(int grace_ms = 30000, int ringTimeout_ms = 20000, int wrapUp_s = 0, int preferredBoost_s = 300);
    ~HubFixture();

    hub::Hub &hub() { return *m_hub; }
    store::Store &store() { return m_hub->store(); }
    quint16 port() const { return m_hub->port(); }
    QString kioskCredential() const { return m_kioskCredential; }
    QString hubCertificate() const;
    QString dataDirectory() const { return m_dir.path(); }

    client::KioskConfig kioskConfig(quint16 port = 0) const;
    client::ConsoleConfig consoleConfig() const;
    // Adds another kiosk to the site and returns its config.
    client::KioskConfig addKiosk(const QString &siteId, const QString &municipality);
    // Stops and starts the hub on the same port and database (a restart).
    void restart();

private:
    QTemporaryDir m_dir;
    hub::HubConfig m_config;
    std::unique_ptr<hub::Hub> m_hub;
    QString m_kioskCredential;
};

} // namespace ventanilla::test
