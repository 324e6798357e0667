// The advisor's side: log in, be available, answer the citizen who rings, ask to see the
// kiosk's screen. State is here; QML only shows it.
#pragma once

#include "ventanilla/client/call_controller.h"
#include "ventanilla/client/service_menu_model.h"

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
    // The case of the current (or last) call: its reference, type, status and notes
    // [{atMs, advisor, text}]; caseId 0 before the first call.
    Q_PROPERTY(qint64 caseId READ caseId NOTIFY caseChanged)
    Q_PROPERTY(QString caseReference READ caseReference NOTIFY caseChanged)
    Q_PROPERTY(QString caseType READ caseType NOTIFY caseChanged)
    Q_PROPERTY(QString caseStatus READ caseStatus NOTIFY caseChanged)
    Q_PROPERTY(QVariantList caseNotes READ caseNotes NOTIFY caseChanged)
    // For a transferred call that is ringing: who passed it on and their note.
    Q_PROPERTY(QString incomingTransfer READ incomingTransfer NOTIFY callStateChanged)
    // The services of the charter in force, to transfer a citizen to.
    Q_PROPERTY(ventanilla::client::ServiceMenuModel *services READ services CONSTANT)
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
    qint64 caseId() const { return m_caseId; }
    QString caseReference() const { return m_caseReference; }
    QString caseType() const { return m_caseType; }
    QString caseStatus() const { return m_caseStatus; }
    QVariantList caseNotes() const { return m_caseNotes; }
    QString incomingTransfer() const { return m_incomingTransfer; }
    ServiceMenuModel *services() { return &m_services; }
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
    // Record the case's type and status and, if given, a note of what was done.
    Q_INVOKABLE void updateCase(const QString &type, const QString &status, const QString &note = {});
    // Hand the citizen on to another service (the case and the note go with them).
    Q_INVOKABLE void transferTo(const QString &service, const QString &note = {});

Q_SIGNALS:
    void loginChanged();
    void availableChanged();
    void incomingCall();
    void tasksChanged();
    void caseChanged();

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
    qint64 m_caseId = 0;
    QString m_caseReference;
    QString m_caseType;
    QString m_caseStatus;
    QVariantList m_caseNotes;
    QString m_incomingTransfer;
    ServiceMenuModel m_services{QStringLiteral("es")};
};

} // namespace ventanilla::client
