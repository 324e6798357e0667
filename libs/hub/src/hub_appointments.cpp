// Appointments and call-backs at the hub: slots and booking from kiosks, check-in to the
// head of the queue at the appointment's time, no-shows, and call-backs kept as advisor tasks.
#include "ventanilla/hub/appointments.h"
#include "ventanilla/hub/hub.h"
#include "ventanilla/hub/logging.h"
#include "ventanilla/hub/offices.h"

#include "queue_rank.h"
#include "refusal.h"

#include <QJsonArray>

namespace ventanilla::hub {

using signalling::makeMessage;
using signalling::Message;
using signalling::MessageType;
namespace errors = signalling::errors;

namespace {

// Closed call-backs stay on the advisors' task list this long, so a colleague sees what was done.
constexpr qint64 kClosedTasksShown_ms = 12LL * 3600 * 1000;
// The most slots sent to a kiosk at once (about ten days of a six-hour office).
constexpr int kSlotsSent = 240;

} // namespace

bool Hub::serviceInForce(PeerSession &kiosk, const QString &serviceId, const Message &message)
{
    if (m_charter && m_charter->service(serviceId))
        return true;
    refuse(kiosk, errors::kUnknownService, QStringLiteral("\"%1\" is not a service in force").arg(serviceId), message);
    return false;
}

std::optional<store::OfficeRecord> Hub::officeForAppointments(
    PeerSession &kiosk, const QString &serviceId, const Message &message)
{
    if (!serviceInForce(kiosk, serviceId, message))
        return std::nullopt;
    auto office = m_store.officeOfKiosk(kiosk.recordId);
    if (!office)
        refuse(kiosk, errors::kUnavailable,
            QStringLiteral("this kiosk is not attached to an office, so it has no appointments"), message);
    return office;
}

void Hub::handleSlotsRequest(PeerSession &kiosk, const Message &message)
{
    const QString serviceId = message.string(QStringLiteral("service"));
    const auto office = officeForAppointments(kiosk, serviceId, message);
    if (!office)
        return;
    auto hours = openingHoursOf(m_store, *office);
    if (!hours)
        return refuse(kiosk, errors::kUnavailable, hours.error(), message);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const qint64 horizonMs = now.toMSecsSinceEpoch() + qint64(m_config.appointments.daysAhead + 1) * 86400000;
    const auto booked = m_store.bookedPerSlot(office->id, now.toMSecsSinceEpoch(), horizonMs);
    QJsonArray slots;
    for (const FreeSlot &slot : freeSlots(*hours, booked, now, m_config.appointments)) {
        if (slots.size() >= kSlotsSent)
            break;
        slots.append(QJsonObject{{QStringLiteral("starts_at_ms"), slot.startsAt.toMSecsSinceEpoch()},
            {QStringLiteral("text"), describeOpening(slot.startsAt, hours->zone())},
            {QStringLiteral("free"), slot.free}});
    }
    deliver(kiosk.peerId,
        makeMessage(
            MessageType::AppointmentSlots, {{QStringLiteral("service"), serviceId}, {QStringLiteral("slots"), slots}}));
}

void Hub::handleBook(PeerSession &kiosk, const Message &message)
{
    const QString serviceId = message.string(QStringLiteral("service"));
    const auto office = officeForAppointments(kiosk, serviceId, message);
    if (!office)
        return;
    const auto booked = book(m_store, *office, m_config.appointments,
        {serviceId, message.integer(QStringLiteral("starts_at_ms")), message.string(QStringLiteral("name")),
            message.string(QStringLiteral("phone")), kiosk.peerId},
        QDateTime::currentDateTimeUtc());
    if (const auto *refusal = std::get_if<BookingRefusal>(&booked))
        return refuse(kiosk, refusal->code, refusal->text, message);
    const auto &appointment = std::get<store::AppointmentRecord>(booked);
    const QString when
        = describeOpening(QDateTime::fromMSecsSinceEpoch(appointment.startsAtMs), QTimeZone(office->timeZone.toUtf8()));
    m_store.audit(kiosk.peerId, QStringLiteral("appointment-booked"),
        QStringLiteral("%1 %2 %3").arg(appointment.code, serviceId, when));
    qCInfo(lcHub).noquote() << kiosk.peerId << "booked appointment" << appointment.code << "for" << serviceId << when;
    deliver(kiosk.peerId,
        makeMessage(MessageType::AppointmentBooked,
            {{QStringLiteral("code"), appointment.code}, {QStringLiteral("service"), serviceId},
                {QStringLiteral("starts_at_ms"), appointment.startsAtMs}, {QStringLiteral("text"), when}}));
}

void Hub::handleCheckIn(PeerSession &kiosk, const Message &message)
{
    if (!kiosk.callId.isEmpty())
        return refuse(
            kiosk, errors::kOutOfOrder, QStringLiteral("this kiosk already has call %1").arg(kiosk.callId), message);
    const QString code = message.string(QStringLiteral("code")).trimmed();
    const auto office = m_store.officeOfKiosk(kiosk.recordId);
    const auto appointment = isAppointmentCode(code) ? m_store.appointmentByCode(code) : std::nullopt;
    if (!appointment || !office || appointment->officeId != office->id)
        return refuse(kiosk, errors::kNoSuchAppointment,
            QStringLiteral("there is no appointment %1 at this office").arg(code.left(16)), message);
    const QTimeZone zone(office->timeZone.toUtf8());
    const QString when = describeOpening(QDateTime::fromMSecsSinceEpoch(appointment->startsAtMs), zone);
    switch (checkInAt(*appointment, store::nowMs(), m_config.appointments)) {
    case CheckIn::Early:
        return refuse(kiosk, errors::kTooEarly,
            QStringLiteral("the appointment is on %1; check in from %2 minutes before")
                .arg(when)
                .arg(m_config.appointments.checkInEarly_min),
            message);
    case CheckIn::Late:
        return refuse(kiosk, errors::kTooLate,
            QStringLiteral("the appointment was on %1, more than %2 minutes ago; book another or join the queue")
                .arg(when)
                .arg(m_config.appointments.noShowAfter_min),
            message);
    case CheckIn::NotBooked:
        return refuse(kiosk, errors::kNoSuchAppointment,
            QStringLiteral("appointment %1 is %2").arg(code, appointment->status), message);
    default:
        break;
    }
    if (!m_charter || !m_charter->service(appointment->service))
        return refuse(kiosk, errors::kUnknownService,
            QStringLiteral("the service \"%1\" of this appointment is no longer offered").arg(appointment->service),
            message);
    m_store.audit(kiosk.peerId, QStringLiteral("check-in"), code);
    queueCall(kiosk, appointment->service, false, &*appointment);
}

void Hub::holdAppointment(ActiveCall &call, const store::AppointmentRecord &appointment)
{
    if (appointment.status == QLatin1String("booked"))
        m_store.setAppointmentStatus(appointment.id, QStringLiteral("booked"), QStringLiteral("checked-in"), call.id);
    call.appointmentId = appointment.id;
    call.appointmentAtMs = appointment.startsAtMs;
    const qint64 untilTime = appointment.startsAtMs - store::nowMs();
    if (untilTime <= 0) {
        call.rankMs = rank::appointment(appointment.startsAtMs);
        return;
    }
    // Early: they wait like anyone who walked in (and are served sooner if someone is free);
    // at their time they move to the head of the queue.
    qCInfo(lcHub).noquote() << call.id << "checked in" << untilTime / 1000 << "s before its appointment";
    call.appointmentTimer = std::make_unique<QTimer>();
    call.appointmentTimer->setSingleShot(true);
    connect(call.appointmentTimer.get(), &QTimer::timeout, this, [this, id = call.id] {
        const auto it = m_calls.find(id);
        if (it == m_calls.end())
            return;
        ActiveCall &due = *it->second;
        due.rankMs = rank::appointment(due.appointmentAtMs);
        if (std::find(m_waiting.begin(), m_waiting.end(), id) != m_waiting.end()) {
            std::erase(m_waiting, id);
            enqueue(due);
            qCInfo(lcHub).noquote() << id << "reached its appointment time: now at the head of the queue";
            offerWaitingCalls();
        }
    });
    call.appointmentTimer->start(static_cast<int>(std::min<qint64>(untilTime, std::numeric_limits<int>::max())));
}

void Hub::recordNoShows()
{
    const qint64 limitMs = store::nowMs() - qint64(m_config.appointments.noShowAfter_min) * 60000;
    for (const QString &code : m_store.markNoShows(limitMs)) {
        qCInfo(lcHub).noquote() << "appointment" << code << "was not checked in: recorded as a no-show";
        m_store.audit(QStringLiteral("hub"), QStringLiteral("no-show"), code);
    }
}

void Hub::handleCallbackRequest(PeerSession &kiosk, const Message &message)
{
    const QString serviceId = message.string(QStringLiteral("service"));
    if (!serviceInForce(kiosk, serviceId, message))
        return;
    auto phone = normalisePhone(message.string(QStringLiteral("phone")));
    if (!phone)
        return refuse(kiosk, errors::kBadField, phone.error(), message);
    const QString leaving = message.string(QStringLiteral("call_id"));
    if (!leaving.isEmpty()) {
        const auto it = m_calls.find(leaving);
        if (leaving != kiosk.callId || it == m_calls.end() || it->second->phase != CallPhase::Waiting)
            return refuse(kiosk, errors::kOutOfOrder,
                QStringLiteral("call %1 is not waiting at this kiosk").arg(leaving.left(64)), message);
    }
    const qint64 id = m_store.addCallback({.kioskId = kiosk.recordId,
        .service = serviceId,
        .citizenName = message.string(QStringLiteral("name")).trimmed(),
        .citizenPhone = *phone,
        .note = message.string(QStringLiteral("note")).trimmed(),
        .fromCallId = leaving,
        .requestedAtMs = store::nowMs()});
    m_store.audit(kiosk.peerId, QStringLiteral("callback-requested"), QString::number(id));
    qCInfo(lcHub).noquote() << kiosk.peerId << "asked for call-back" << id << "for" << serviceId;
    deliver(kiosk.peerId, makeMessage(MessageType::CallbackRegistered, {{QStringLiteral("callback_id"), id}}));
    // Registered first, then the queue place is given up: the citizen is never left with neither.
    if (!leaving.isEmpty())
        endCall(leaving, QStringLiteral("callback"), kiosk.peerId);
    sendTasks();
}

void Hub::handleTaskUpdate(PeerSession &advisor, const Message &message)
{
    const qint64 id = message.integer(QStringLiteral("callback_id"));
    const auto task = m_store.callback(id);
    if (!task)
        return refuse(advisor, errors::kNoSuchTask, QStringLiteral("there is no call-back %1").arg(id), message);
    const QString wanted = message.string(QStringLiteral("status"));
    const bool mine = task->advisorId && *task->advisorId == advisor.recordId;
    const bool closed = task->status == QLatin1String("done") || task->status == QLatin1String("unreachable");
    if (closed)
        return refuse(advisor, errors::kOutOfOrder,
            QStringLiteral("call-back %1 is already %2").arg(id).arg(task->status), message);
    if (task->status == QLatin1String("taken") && !mine)
        return refuse(advisor, errors::kOutOfOrder,
            QStringLiteral("call-back %1 is being handled by %2").arg(id).arg(task->advisorName), message);
    if (wanted == QLatin1String("open") && !mine)
        return refuse(advisor, errors::kOutOfOrder, QStringLiteral("you have not taken call-back %1").arg(id), message);
    const bool released = wanted == QLatin1String("open");
    m_store.updateCallback(id, wanted, released ? std::nullopt : std::optional<qint64>(advisor.recordId),
        message.string(QStringLiteral("outcome")).trimmed());
    m_store.audit(advisor.peerId, QStringLiteral("callback-") + wanted, QString::number(id));
    qCInfo(lcHub).noquote() << advisor.peerId << "set call-back" << id << "to" << wanted;
    sendTasks();
}

void Hub::sendTasks(const QString &onlyPeer)
{
    QJsonArray tasks;
    for (const store::CallbackRecord &task : m_store.callbacks(store::nowMs() - kClosedTasksShown_ms)) {
        const Service *service = m_charter ? m_charter->service(task.service) : nullptr;
        tasks.append(QJsonObject{{QStringLiteral("callback_id"), task.id}, {QStringLiteral("service"), task.service},
            {QStringLiteral("service_name"), service ? service->nameEs : task.service},
            {QStringLiteral("municipality"), task.municipality}, {QStringLiteral("name"), task.citizenName},
            {QStringLiteral("phone"), task.citizenPhone}, {QStringLiteral("note"), task.note},
            {QStringLiteral("requested_at_ms"), task.requestedAtMs}, {QStringLiteral("status"), task.status},
            {QStringLiteral("advisor"), task.advisorName}, {QStringLiteral("outcome"), task.outcome}});
    }
    const Message message = makeMessage(MessageType::Tasks, {{QStringLiteral("callbacks"), tasks}});
    for (const auto &session : std::as_const(m_sessions)) {
        if (session->role == PeerRole::Advisor && (onlyPeer.isEmpty() || session->peerId == onlyPeer))
            deliver(session->peerId, message);
    }
}

} // namespace ventanilla::hub
