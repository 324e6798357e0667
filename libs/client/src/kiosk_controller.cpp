// The kiosk's role: request a call, follow the queue, leave it; book an appointment, check
// in for one, ask for a call-back.
#include "ventanilla/client/kiosk_controller.h"

#include "ventanilla/client/logging.h"

#include <QDateTime>
#include <QJsonArray>

namespace ventanilla::client {

using signalling::makeMessage;
using signalling::MessageType;

KioskController::KioskController(const KioskConfig &config, QObject *parent)
    : CallController(linkOptions(config.hub,
                         {{QStringLiteral("role"), QStringLiteral("kiosk")}, {QStringLiteral("site_id"), config.siteId},
                             {QStringLiteral("credential"), config.credential},
                             {QStringLiteral("client"), QStringLiteral("ventanilla-kiosk")}}),
        config.media, parent),
      m_language(config.language), m_services(config.language)
{
    // Nobody stands beside the citizen: an abandoned menu or errand goes back to the welcome
    // screen, and forgets the phone number typed.
    m_menuIdle.setSingleShot(true);
    m_menuIdle.setInterval(120000);
    connect(&m_menuIdle, &QTimer::timeout, this, &KioskController::closeErrand);
    connect(this, &CallController::roleMessage, this, &KioskController::onRoleMessage);
    // A refused request (office closed, unknown service, no charter) leaves the queue at once.
    connect(&link(), &signalling::SignallingClient::hubError, this,
        [this](const QString &code, const QString &, const QString &ref) {
            const bool joining = ref == QLatin1String("call-request") || ref == QLatin1String("check-in");
            if (joining && callState() == CallState::Waiting) {
                setCallId({});
                setCallState(CallState::Idle);
            }
            onErrandRefused(code, ref);
        });
    // After a conversation the citizen may rate it; nobody answering in 30 s means no rating.
    m_surveyIdle.setSingleShot(true);
    m_surveyIdle.setInterval(30000);
    connect(&m_surveyIdle, &QTimer::timeout, this, &KioskController::skipSurvey);
    connect(this, &CallController::callFinished, this, [this](const QString &callId, const QString &reason) {
        const bool talked = std::exchange(m_talked, false);
        if (!talked || reason == QLatin1String("transferred") || reason == QLatin1String("media-failed")
            || reason == QLatin1String("session-lost"))
            return;
        m_surveyCallId = callId;
        m_surveyIdle.start();
        Q_EMIT surveyChanged();
    });
    connect(this, &CallController::callTransferred, this, [this](const QString &nextCallId) {
        qCInfo(lcClient).noquote() << "transferred; waiting again as" << nextCallId;
        setCallId(nextCallId);
        setCallState(CallState::Waiting);
    });
    connect(this, &CallController::callStateChanged, this, [this] {
        if (callState() == CallState::InCall)
            m_talked = true;
        if (callState() != CallState::Waiting && m_queuePosition != 0) {
            m_queuePosition = 0;
            m_estimatedWait_s = -1;
            Q_EMIT queueChanged();
        }
    });
}

void KioskController::openServiceMenu()
{
    if (callState() != CallState::Idle || !m_officeOpen)
        return;
    if (m_services.rowCount() == 0) {
        requestCall(QStringLiteral("general"));
        return;
    }
    setErrand(QStringLiteral("call"), QStringLiteral("service"));
}

void KioskController::closeServiceMenu()
{
    closeErrand();
}

void KioskController::closeErrand()
{
    setErrand({}, {});
}

void KioskController::keepAlive()
{
    if (!m_errand.isEmpty())
        m_menuIdle.start();
}

void KioskController::rateCall(int rating)
{
    if (m_surveyCallId.isEmpty() || rating < 1 || rating > 5)
        return;
    send(makeMessage(
        MessageType::Survey, {{QStringLiteral("call_id"), m_surveyCallId}, {QStringLiteral("rating"), rating}}));
    skipSurvey();
}

void KioskController::skipSurvey()
{
    m_surveyIdle.stop();
    if (std::exchange(m_surveyCallId, QString()).isEmpty())
        return;
    Q_EMIT surveyChanged();
}

void KioskController::setErrand(const QString &errand, const QString &step)
{
    if (errand.isEmpty()) {
        m_menuIdle.stop();
        m_errandService.clear();
        m_slots.clear();
        m_errandCode.clear();
        m_errandText.clear();
    } else {
        m_menuIdle.start();
    }
    m_errandError.clear();
    m_errand = errand;
    m_errandStep = step;
    Q_EMIT errandChanged();
}

void KioskController::startErrand(const QString &kind)
{
    const bool waiting = callState() == CallState::Waiting;
    if (kind == QLatin1String("callback") && waiting) {
        // Instead of waiting: the same service, and the queue place is given up once it is recorded.
        m_errandService = m_callService;
        return setErrand(kind, QStringLiteral("phone"));
    }
    if (callState() != CallState::Idle)
        return;
    if (kind == QLatin1String("check-in"))
        return setErrand(kind, QStringLiteral("code"));
    if (kind == QLatin1String("appointment") || kind == QLatin1String("callback")) {
        setErrand(kind, QStringLiteral("service"));
        if (m_services.rowCount() == 0)
            chooseService(QStringLiteral("general"));
        return;
    }
    qCWarning(lcClient) << "unknown errand" << kind;
}

void KioskController::chooseService(const QString &service, bool preferred)
{
    if (m_errand == QLatin1String("call") || m_errand.isEmpty())
        return requestCall(service, preferred);
    m_errandService = service;
    if (m_errand == QLatin1String("appointment")) {
        m_slots.clear();
        setErrand(m_errand, QStringLiteral("slot"));
        send(makeMessage(MessageType::AppointmentSlotsRequest, {{QStringLiteral("service"), service}}));
    } else {
        setErrand(m_errand, QStringLiteral("phone"));
    }
}

void KioskController::chooseSlot(qint64 startsAtMs)
{
    if (m_errand != QLatin1String("appointment"))
        return;
    m_chosenSlotMs = startsAtMs;
    for (const QVariant &slot : std::as_const(m_slots)) {
        if (qint64(slot.toMap().value(QStringLiteral("startsAtMs")).toDouble()) == startsAtMs)
            m_errandText = slot.toMap().value(QStringLiteral("text")).toString();
    }
    setErrand(m_errand, QStringLiteral("phone"));
}

void KioskController::submitPhone(const QString &phone)
{
    if (m_errand == QLatin1String("appointment")) {
        send(makeMessage(MessageType::AppointmentBook,
            {{QStringLiteral("service"), m_errandService}, {QStringLiteral("starts_at_ms"), m_chosenSlotMs},
                {QStringLiteral("phone"), phone}}));
    } else if (m_errand == QLatin1String("callback")) {
        QJsonObject fields{{QStringLiteral("service"), m_errandService}, {QStringLiteral("phone"), phone}};
        if (callState() == CallState::Waiting && !callId().isEmpty())
            fields.insert(QStringLiteral("call_id"), callId());
        send(makeMessage(MessageType::CallbackRequest, fields));
    }
    m_menuIdle.start();
}

void KioskController::submitCode(const QString &code)
{
    if (m_errand != QLatin1String("check-in") || callState() != CallState::Idle)
        return;
    m_errandError.clear();
    Q_EMIT errandChanged();
    setCallState(CallState::Waiting);
    send(makeMessage(MessageType::CheckIn, {{QStringLiteral("code"), code}}));
}

void KioskController::onErrandRefused(const QString &code, const QString &ref)
{
    static const QHash<QString, QString> kRefs{{QStringLiteral("appointment-slots-request"), QStringLiteral("slot")},
        {QStringLiteral("appointment-book"), QStringLiteral("phone")},
        {QStringLiteral("callback-request"), QStringLiteral("phone")},
        {QStringLiteral("check-in"), QStringLiteral("code")}};
    if (m_errand.isEmpty() || !kRefs.contains(ref))
        return;
    // Words for the citizen; the hub's own text is in the log for the technicians.
    static const QHash<QString, QString> kWords{
        {QStringLiteral("slot-full"), tr("Esa hora acaba de ocuparse. Elija otra, por favor.")},
        {QStringLiteral("bad-field"), tr("Revise el número de teléfono: debe tener 9 cifras.")},
        {QStringLiteral("no-such-appointment"),
            tr("No encontramos una cita con ese número en esta oficina, o ya se ha usado.")},
        {QStringLiteral("too-early"),
            tr("Es pronto para su cita. Vuelva a confirmar su llegada un poco antes de la hora.")},
        {QStringLiteral("too-late"),
            tr("La hora de su cita ya ha pasado. Puede pedir otra cita o hablar ahora con un asesor.")},
        {QStringLiteral("unavailable"), tr("Este punto de atención no da citas. Pida que le llamemos.")}};
    m_errandError = kWords.value(code, tr("No se ha podido hacer. Inténtelo otra vez, por favor."));
    m_errandStep = kRefs.value(ref);
    if (code == QLatin1String("slot-full")) {
        m_errandStep = QStringLiteral("slot");
        send(makeMessage(MessageType::AppointmentSlotsRequest, {{QStringLiteral("service"), m_errandService}}));
    }
    Q_EMIT errandChanged();
}

void KioskController::requestCall(const QString &service, bool preferred)
{
    closeErrand();
    if (callState() != CallState::Idle) {
        qCInfo(lcClient) << "call request ignored: already" << callState();
        return;
    }
    m_callService = service;
    setCallState(CallState::Waiting);
    send(makeMessage(MessageType::CallRequest,
        {{QStringLiteral("service"), service},
            {QStringLiteral("priority"), preferred ? QStringLiteral("preferred") : QStringLiteral("normal")}}));
}

void KioskController::cancelRequest()
{
    if (callState() != CallState::Waiting)
        return;
    if (!callId().isEmpty())
        send(makeMessage(MessageType::Hangup,
            {{QStringLiteral("call_id"), callId()}, {QStringLiteral("reason"), QStringLiteral("abandoned")}}));
    setCallId({});
    setCallState(CallState::Idle);
}

void KioskController::onRoleMessage(const signalling::Message &message)
{
    if (message.type() == MessageType::OfficeStatus) {
        m_officeOpen = message.boolean(QStringLiteral("open"));
        m_nextOpening = message.string(QStringLiteral("next_open_text"));
        m_appointmentsOffered = message.boolean(QStringLiteral("appointments"));
        if (!m_officeOpen && m_errand == QLatin1String("call"))
            closeErrand();
        Q_EMIT officeChanged();
    } else if (message.type() == MessageType::AppointmentSlots
        && message.string(QStringLiteral("service")) == m_errandService) {
        m_slots.clear();
        for (const auto &value : message.fields().value(QStringLiteral("slots")).toArray()) {
            const QJsonObject slot = value.toObject();
            const QString text = slot.value(QStringLiteral("text")).toString(); // "martes 8 de diciembre, 09:15"
            m_slots.append(
                QVariantMap{{QStringLiteral("startsAtMs"), slot.value(QStringLiteral("starts_at_ms")).toDouble()},
                    {QStringLiteral("text"), text}, {QStringLiteral("day"), text.section(QStringLiteral(", "), 0, 0)},
                    {QStringLiteral("time"), text.section(QStringLiteral(", "), 1)}});
        }
        Q_EMIT errandChanged();
    } else if (message.type() == MessageType::AppointmentBooked && m_errand == QLatin1String("appointment")) {
        m_errandCode = message.string(QStringLiteral("code"));
        m_errandText = message.string(QStringLiteral("text"));
        setErrand(m_errand, QStringLiteral("done"));
    } else if (message.type() == MessageType::CallbackRegistered && m_errand == QLatin1String("callback")) {
        m_errandCode = QString::number(message.integer(QStringLiteral("callback_id")));
        setErrand(m_errand, QStringLiteral("done"));
    } else if (message.type() == MessageType::Services) {
        m_charterVersion = message.string(QStringLiteral("charter_version"));
        m_services.setServices(message.fields().value(QStringLiteral("services")).toArray());
        Q_EMIT servicesChanged();
    } else if (message.type() == MessageType::CallQueued && callState() == CallState::Idle) {
        // The hub kept a call this kiosk no longer waits for (it restarted meanwhile): let it go.
        send(makeMessage(MessageType::Hangup,
            {{QStringLiteral("call_id"), message.string(QStringLiteral("call_id"))},
                {QStringLiteral("reason"), QStringLiteral("abandoned")}}));
    } else if (message.type() == MessageType::CallQueued && callState() == CallState::Waiting) {
        if (m_errand == QLatin1String("check-in"))
            closeErrand(); // checked in: now simply waiting
        setCallId(message.string(QStringLiteral("call_id")));
        if (message.has(QStringLiteral("service")))
            m_callService = message.string(QStringLiteral("service"));
        m_queuePosition = static_cast<int>(message.integer(QStringLiteral("position")));
        m_estimatedWait_s = message.has(QStringLiteral("estimated_wait_s"))
            ? static_cast<int>(message.integer(QStringLiteral("estimated_wait_s")))
            : -1;
        Q_EMIT queueChanged();
    }
}

} // namespace ventanilla::client
