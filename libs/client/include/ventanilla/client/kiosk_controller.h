// The kiosk's side of the service: one big button asks for an advisor, the citizen sees
// their place in the queue, then the call; or, instead, an errand: book an appointment,
// check in for one, ask to be called back. State is here; QML only shows it.
#pragma once

#include "ventanilla/client/call_controller.h"
#include "ventanilla/client/service_menu_model.h"

#include <QTimer>
#include <QVariantList>

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
    Q_PROPERTY(bool choosingService READ choosingService NOTIFY errandChanged)
    // What the citizen is doing besides waiting for a call: "" (nothing), "call" (choosing the
    // service to call about), "appointment", "callback" or "check-in"; and the step of it:
    // "service", "slot", "phone", "code" or "done".
    Q_PROPERTY(QString errand READ errand NOTIFY errandChanged)
    Q_PROPERTY(QString errandStep READ errandStep NOTIFY errandChanged)
    Q_PROPERTY(QString errandServiceName READ errandServiceName NOTIFY errandChanged)
    // Free appointment slots for the chosen service: [{startsAtMs, text, day, time}], earliest first.
    Q_PROPERTY(QVariantList appointmentSlots READ appointmentSlots NOTIFY errandChanged)
    // When done: the appointment's code and time in words, or the call-back's number.
    Q_PROPERTY(QString errandCode READ errandCode NOTIFY errandChanged)
    Q_PROPERTY(QString errandText READ errandText NOTIFY errandChanged)
    // What went wrong with the last step, in words for the citizen; empty if nothing.
    Q_PROPERTY(QString errandError READ errandError NOTIFY errandChanged)
    Q_PROPERTY(bool appointmentsOffered READ appointmentsOffered NOTIFY officeChanged)
    // After a conversation: the call the citizen is asked to rate; empty when not asking.
    Q_PROPERTY(QString surveyCallId READ surveyCallId NOTIFY surveyChanged)
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
    bool choosingService() const { return m_errandStep == QLatin1String("service"); }
    QString errand() const { return m_errand; }
    QString errandStep() const { return m_errandStep; }
    QString errandServiceName() const { return m_services.nameOf(m_errandService); }
    QVariantList appointmentSlots() const { return m_slots; }
    QString errandCode() const { return m_errandCode; }
    QString errandText() const { return m_errandText; }
    QString errandError() const { return m_errandError; }
    bool appointmentsOffered() const { return m_appointmentsOffered; }
    QString surveyCallId() const { return m_surveyCallId; }
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

    // Start an errand: "appointment", "callback" (while waiting: instead of waiting, for the
    // same service) or "check-in".
    Q_INVOKABLE void startErrand(const QString &kind);
    // A tile of the service menu: calls, or carries the errand on with that service.
    Q_INVOKABLE void chooseService(const QString &service, bool preferred = false);
    Q_INVOKABLE void chooseSlot(qint64 startsAtMs);
    Q_INVOKABLE void submitPhone(const QString &phone);
    Q_INVOKABLE void submitCode(const QString &code);
    // Back to the welcome screen (also after two minutes without a touch).
    Q_INVOKABLE void closeErrand();
    // The citizen is still there (a key was touched): restart the idle timer.
    Q_INVOKABLE void keepAlive();
    // The survey after a call: a rating from 1 (bad) to 5 (very good), or none.
    Q_INVOKABLE void rateCall(int rating);
    Q_INVOKABLE void skipSurvey();

Q_SIGNALS:
    void queueChanged();
    void servicesChanged();
    void errandChanged();
    void surveyChanged();
    void officeChanged();

private:
    void onRoleMessage(const signalling::Message &message);

    void setErrand(const QString &errand, const QString &step);
    void onErrandRefused(const QString &code, const QString &ref);

    QString m_language;
    int m_queuePosition = 0;
    int m_estimatedWait_s = -1;
    ServiceMenuModel m_services;
    QString m_charterVersion;
    QString m_errand;
    QString m_errandStep;
    QString m_errandService;
    QString m_callService; // the service of the call being waited for
    qint64 m_chosenSlotMs = 0;
    QVariantList m_slots;
    QString m_errandCode;
    QString m_errandText;
    QString m_errandError;
    bool m_appointmentsOffered = false;
    bool m_talked = false; // the current call reached a conversation
    QString m_surveyCallId;
    QTimer m_surveyIdle;
    bool m_officeOpen = true;
    QString m_nextOpening;
    QTimer m_menuIdle;
};

} // namespace ventanilla::client
