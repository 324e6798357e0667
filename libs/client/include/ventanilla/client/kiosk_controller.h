// The kiosk's side of the service: one big button asks for an advisor, the citizen sees
// their place in the queue, then the call. State is here; QML only shows it.
#pragma once

#include "ventanilla/client/call_controller.h"
#include "ventanilla/client/service_menu_model.h"

#include <QTimer>

namespace ventanilla::client {

class KioskController : public CallController {
    Q_OBJECT
    Q_PROPERTY(int queuePosition READ queuePosition NOTIFY queueChanged)
    // The hub's estimate of the wait in seconds; -1 while unknown.
    Q_PROPERTY(int estimatedWait_s READ estimatedWait_s NOTIFY queueChanged)
    Q_PROPERTY(QString municipality READ municipality NOTIFY linkStateChanged)
    Q_PROPERTY(QString language READ language CONSTANT)
    Q_PROPERTY(ventanilla::client::ServiceMenuModel *services READ services CONSTANT)
    Q_PROPERTY(QString charterVersion READ charterVersion NOTIFY servicesChanged)
    Q_PROPERTY(bool choosingService READ choosingService NOTIFY choosingServiceChanged)
    Q_PROPERTY(bool officeOpen READ officeOpen NOTIFY officeChanged)
    Q_PROPERTY(QString nextOpening READ nextOpening NOTIFY officeChanged)
public:
    explicit KioskController(const KioskConfig &config, QObject *parent = nullptr);

    int queuePosition() const { return m_queuePosition; }
    int estimatedWait_s() const { return m_estimatedWait_s; }
    QString municipality() const { return link().displayName(); }
    QString language() const { return m_language; }

    ServiceMenuModel *services() { return &m_services; }
    QString charterVersion() const { return m_charterVersion; }
    bool choosingService() const { return m_choosingService; }
    bool officeOpen() const { return m_officeOpen; }
    // When a closed office opens next, in words ("lunes 7 de diciembre, 09:00"); empty if unknown.
    QString nextOpening() const { return m_nextOpening; }

    // The big button: show the service menu (or, with no menu from the hub, call at once).
    Q_INVOKABLE void openServiceMenu();
    // Back to the welcome screen without calling (also after a minute without a touch).
    Q_INVOKABLE void closeServiceMenu();
    // Ask for an advisor for a service of the charter in force; preferred: the citizen asks
    // for preferred attention (elderly, disability), which moves them up the queue.
    Q_INVOKABLE void requestCall(const QString &service = QStringLiteral("general"), bool preferred = false);
    // Leave the queue before being answered.
    Q_INVOKABLE void cancelRequest();

Q_SIGNALS:
    void queueChanged();
    void servicesChanged();
    void choosingServiceChanged();
    void officeChanged();

private:
    void onRoleMessage(const signalling::Message &message);

    void setChoosingService(bool choosing);

    QString m_language;
    int m_queuePosition = 0;
    int m_estimatedWait_s = -1;
    ServiceMenuModel m_services;
    QString m_charterVersion;
    bool m_choosingService = false;
    bool m_officeOpen = true;
    QString m_nextOpening;
    QTimer m_menuIdle;
};

} // namespace ventanilla::client
