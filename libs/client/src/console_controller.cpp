// The advisor's role: login, availability, answering, asking for the kiosk's screen.
#include "ventanilla/client/console_controller.h"

#include "ventanilla/client/logging.h"

#include <QJsonArray>

namespace ventanilla::client {

using signalling::makeMessage;
using signalling::MessageType;

// The hello's credentials come at login (logIn()).
ConsoleController::ConsoleController(const ConsoleConfig &config, QObject *parent)
    : CallController(linkOptions(config.hub), config.media, parent), m_defaultUser(config.user)
{
    connect(this, &CallController::roleMessage, this, &ConsoleController::onRoleMessage);
    connect(this, &CallController::welcomed, this, [this] {
        m_loggedIn = true;
        m_advisorName = link().displayName();
        Q_EMIT loginChanged();
    });
}

void ConsoleController::logIn(const QString &user, const QString &password)
{
    link().setHello({{QStringLiteral("role"), QStringLiteral("advisor")}, {QStringLiteral("user"), user.trimmed()},
        {QStringLiteral("password"), password}, {QStringLiteral("client"), QStringLiteral("ventanilla-console")}});
    setLastError({});
    if (auto started = connectToHub(); !started)
        setLastError(started.error());
}

void ConsoleController::logOut()
{
    disconnectFromHub();
    m_loggedIn = false;
    m_state = QStringLiteral("away");
    m_stateReason.clear();
    Q_EMIT loginChanged();
    Q_EMIT availableChanged();
}

void ConsoleController::setAvailable(bool available)
{
    send(makeMessage(MessageType::AdvisorState,
        {{QStringLiteral("state"), available ? QStringLiteral("available") : QStringLiteral("away")}}));
}

void ConsoleController::takeBreak(const QString &reason)
{
    send(makeMessage(MessageType::AdvisorState,
        {{QStringLiteral("state"), QStringLiteral("break")}, {QStringLiteral("reason"), reason.left(64)}}));
}

void ConsoleController::accept()
{
    if (callState() != CallState::Ringing)
        return;
    send(makeMessage(MessageType::CallAccept, {{QStringLiteral("call_id"), callId()}}));
}

void ConsoleController::decline()
{
    if (callState() != CallState::Ringing)
        return;
    send(makeMessage(MessageType::CallDecline, {{QStringLiteral("call_id"), callId()}}));
    setCallId({});
    setCallState(CallState::Idle);
}

void ConsoleController::requestKioskScreen(bool shown)
{
    if (callState() < CallState::Connecting)
        return;
    send(makeMessage(
        MessageType::ShareRequest, {{QStringLiteral("call_id"), callId()}, {QStringLiteral("active"), shown}}));
}

int ConsoleController::openTaskCount() const
{
    return static_cast<int>(std::count_if(m_tasks.cbegin(), m_tasks.cend(),
        [](const QVariant &task) { return task.toMap().value(QStringLiteral("status")) == QLatin1String("open"); }));
}

void ConsoleController::updateTask(qint64 callbackId, const QString &status, const QString &outcome)
{
    QJsonObject fields{{QStringLiteral("callback_id"), callbackId}, {QStringLiteral("status"), status}};
    if (!outcome.trimmed().isEmpty())
        fields.insert(QStringLiteral("outcome"), outcome.trimmed());
    send(makeMessage(MessageType::TaskUpdate, fields));
}

void ConsoleController::updateCase(const QString &type, const QString &status, const QString &note)
{
    if (m_caseId == 0)
        return;
    QJsonObject fields{{QStringLiteral("case_id"), m_caseId}};
    if (!type.isEmpty())
        fields.insert(QStringLiteral("case_type"), type);
    if (!status.isEmpty())
        fields.insert(QStringLiteral("status"), status);
    if (!note.trimmed().isEmpty())
        fields.insert(QStringLiteral("note"), note.trimmed());
    send(makeMessage(MessageType::CaseUpdate, fields));
}

void ConsoleController::transferTo(const QString &service, const QString &note)
{
    if (callState() != CallState::InCall && callState() != CallState::Connecting)
        return;
    QJsonObject fields{{QStringLiteral("call_id"), callId()}, {QStringLiteral("service"), service}};
    if (!note.trimmed().isEmpty())
        fields.insert(QStringLiteral("note"), note.trimmed());
    send(makeMessage(MessageType::CallTransfer, fields));
}

void ConsoleController::onRoleMessage(const signalling::Message &message)
{
    switch (message.type()) {
    case MessageType::Services:
        m_services.setServices(message.fields().value(QStringLiteral("services")).toArray());
        break;
    case MessageType::Case: {
        m_caseId = message.integer(QStringLiteral("case_id"));
        m_caseReference = message.string(QStringLiteral("reference"));
        m_caseType = message.string(QStringLiteral("case_type"));
        m_caseStatus = message.string(QStringLiteral("status"));
        m_caseNotes.clear();
        for (const auto &value : message.fields().value(QStringLiteral("notes")).toArray()) {
            const QJsonObject note = value.toObject();
            m_caseNotes.append(QVariantMap{{QStringLiteral("atMs"), note.value(QStringLiteral("at_ms")).toDouble()},
                {QStringLiteral("advisor"), note.value(QStringLiteral("advisor")).toString()},
                {QStringLiteral("text"), note.value(QStringLiteral("text")).toString()}});
        }
        Q_EMIT caseChanged();
        break;
    }
    case MessageType::Tasks:
        m_tasks.clear();
        for (const auto &value : message.fields().value(QStringLiteral("callbacks")).toArray()) {
            const QJsonObject task = value.toObject();
            const QString advisor = task.value(QStringLiteral("advisor")).toString();
            m_tasks.append(
                QVariantMap{{QStringLiteral("callbackId"), task.value(QStringLiteral("callback_id")).toDouble()},
                    {QStringLiteral("serviceName"), task.value(QStringLiteral("service_name")).toString()},
                    {QStringLiteral("municipality"), task.value(QStringLiteral("municipality")).toString()},
                    {QStringLiteral("name"), task.value(QStringLiteral("name")).toString()},
                    {QStringLiteral("phone"), task.value(QStringLiteral("phone")).toString()},
                    {QStringLiteral("note"), task.value(QStringLiteral("note")).toString()},
                    {QStringLiteral("requestedAtMs"), task.value(QStringLiteral("requested_at_ms")).toDouble()},
                    {QStringLiteral("status"), task.value(QStringLiteral("status")).toString()},
                    {QStringLiteral("advisor"), advisor},
                    {QStringLiteral("outcome"), task.value(QStringLiteral("outcome")).toString()},
                    {QStringLiteral("mine"), !advisor.isEmpty() && advisor == m_advisorName}});
        }
        Q_EMIT tasksChanged();
        break;
    case MessageType::AdvisorState:
        m_state = message.string(QStringLiteral("state"));
        m_stateReason = message.string(QStringLiteral("reason"));
        m_wrapUpUntilMs = message.integer(QStringLiteral("until_ms"));
        Q_EMIT availableChanged();
        break;
    case MessageType::CallOffer:
        if (callState() != CallState::Idle) {
            send(makeMessage(
                MessageType::CallDecline, {{QStringLiteral("call_id"), message.string(QStringLiteral("call_id"))}}));
            break;
        }
        setCallId(message.string(QStringLiteral("call_id")));
        m_incomingMunicipality = message.string(QStringLiteral("municipality"));
        m_incomingService = message.string(QStringLiteral("service"));
        m_incomingServiceName = message.has(QStringLiteral("service_name"))
            ? message.string(QStringLiteral("service_name"))
            : m_incomingService;
        m_incomingTransfer = message.has(QStringLiteral("transferred_by"))
            ? tr("Transferida por %1 (expediente %2)")
                    .arg(message.string(QStringLiteral("transferred_by")),
                        message.string(QStringLiteral("case_reference")))
                + (message.has(QStringLiteral("note")) ? QStringLiteral(": ") + message.string(QStringLiteral("note"))
                                                       : QString())
            : QString();
        setCallState(CallState::Ringing);
        Q_EMIT incomingCall();
        break;
    default:
        break;
    }
}

} // namespace ventanilla::client
