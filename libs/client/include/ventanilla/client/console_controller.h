// The advisor's side: log in, be available, answer the citizen who rings, ask to see the
// kiosk's screen. State is here; QML only shows it.
#pragma once

#include "ventanilla/client/call_controller.h"

#include <QVariantList>

namespace ventanilla::client {

class ConsoleController : public CallController {
    Q_OBJECT
    Q_PROPERTY(bool loggedIn READ loggedIn NOTIFY loginChanged)
    Q_PROPERTY(QString advisorName READ advisorName NOTIFY loginChanged)
    Q_PROPERTY(QString defaultUser READ defaultUser CONSTANT)
    Q_PROPERTY(bool available READ available NOTIFY availableChanged)
    // "available", "away", "break" or "wrap-up", as the hub last said.
    Q_PROPERTY(QString advisorState READ advisorState NOTIFY availableChanged)
    Q_PROPERTY(QString stateReason READ stateReason NOTIFY availableChanged)
    Q_PROPERTY(qint64 wrapUpUntilMs READ wrapUpUntilMs NOTIFY availableChanged)
    Q_PROPERTY(QString incomingMunicipality READ incomingMunicipality NOTIFY callStateChanged)
    Q_PROPERTY(QString incomingService READ incomingService NOTIFY callStateChanged)
    Q_PROPERTY(QString incomingServiceName READ incomingServiceName NOTIFY callStateChanged)
    // Call-backs citizens asked for, as the hub lists them: [{callbackId, serviceName,
    // municipality, name, phone, note, requestedAtMs, status, advisor, outcome, mine}].
    Q_PROPERTY(QVariantList tasks READ tasks NOTIFY tasksChanged)
    Q_PROPERTY(int openTaskCount READ openTaskCount NOTIFY tasksChanged)
public:
    explicit ConsoleController(const ConsoleConfig &config, QObject *parent = nullptr);

    bool loggedIn() const { return m_loggedIn; }
    QString advisorName() const { return m_advisorName; }
    QString defaultUser() const { return m_defaultUser; }
    bool available() const { return m_state == QLatin1String("available"); }
    QString advisorState() const { return m_state; }
    QString stateReason() const { return m_stateReason; }
    qint64 wrapUpUntilMs() const { return m_wrapUpUntilMs; }
    QString incomingMunicipality() const { return m_incomingMunicipality; }
    QString incomingService() const { return m_incomingService; }
    // The service's name in the charter (the id when the hub does not send one).
    QString incomingServiceName() const { return m_incomingServiceName; }
    QVariantList tasks() const { return m_tasks; }
    int openTaskCount() const;

    Q_INVOKABLE void logIn(const QString &user, const QString &password);
    Q_INVOKABLE void logOut();
    // Available also ends a wrap-up early.
    Q_INVOKABLE void setAvailable(bool available);
    Q_INVOKABLE void takeBreak(const QString &reason);
    Q_INVOKABLE void accept();
    Q_INVOKABLE void decline();
    // Ask the kiosk to show (or stop showing) its screen.
    Q_INVOKABLE void requestKioskScreen(bool shown);
    // Work on a call-back: "taken" (I am phoning), "open" (give it back), "done", "unreachable".
    Q_INVOKABLE void updateTask(qint64 callbackId, const QString &status, const QString &outcome = {});

Q_SIGNALS:
    void loginChanged();
    void availableChanged();
    void incomingCall();
    void tasksChanged();

private:
    void onRoleMessage(const signalling::Message &message);

    bool m_loggedIn = false;
    QString m_advisorName;
    QString m_defaultUser;
    QString m_state = QStringLiteral("away");
    QString m_stateReason;
    qint64 m_wrapUpUntilMs = 0;
    QString m_incomingMunicipality;
    QString m_incomingService;
    QString m_incomingServiceName;
    QVariantList m_tasks;
};

} // namespace ventanilla::client
