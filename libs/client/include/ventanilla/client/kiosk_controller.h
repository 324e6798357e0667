// The kiosk's side of the service: one big button asks for an advisor, the citizen sees
// their place in the queue, then the call. State is here; QML only shows it.
#pragma once

#include "ventanilla/client/call_controller.h"

namespace ventanilla::client {

class KioskController : public CallController {
    Q_OBJECT
    Q_PROPERTY(int queuePosition READ queuePosition NOTIFY queueChanged)
    Q_PROPERTY(QString municipality READ municipality NOTIFY linkStateChanged)
    Q_PROPERTY(QString language READ language CONSTANT)
public:
    explicit KioskController(const KioskConfig &config, QObject *parent = nullptr);

    int queuePosition() const { return m_queuePosition; }
    QString municipality() const { return link().displayName(); }
    QString language() const { return m_language; }

    // The big button: ask for an advisor for a service (the charter's ids come with the queue).
    Q_INVOKABLE void requestCall(const QString &service = QStringLiteral("general"));
    // Leave the queue before being answered.
    Q_INVOKABLE void cancelRequest();

Q_SIGNALS:
    void queueChanged();

private:
    void onRoleMessage(const signalling::Message &message);

    int m_queuePosition = 0;
    QString m_language;
};

} // namespace ventanilla::client
