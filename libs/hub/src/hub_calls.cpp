// Call set-up and life: queueing, offering to the longest-idle advisor, ringing,
// accepting, relaying SDP/ICE/share between the two parties, ending and recording.
#include "ventanilla/hub/hub.h"

#include "ventanilla/hub/logging.h"
#include "ventanilla/hub/offices.h"

#include "queue_rank.h"
#include "refusal.h"

#include <QJsonDocument>
#include <QUuid>

namespace ventanilla::hub {

using signalling::makeMessage;
using signalling::Message;
using signalling::MessageType;
namespace errors = signalling::errors;

namespace {

// An advisor who declines a call is not offered the same call again for this long, so it
// goes to someone else first; after that they may get it again rather than let it starve.
constexpr qint64 kDeclineExclusion_ms = 30000;
// After a restart, how long the restored line waits for its kiosks to reconnect before those
// present may go ahead of those still away (clients retry within a second or two).
constexpr qint64 kRestartSettle_ms = 5000;

QString roleName(PeerRole role)
{
    return role == PeerRole::Kiosk ? QStringLiteral("kiosk") : QStringLiteral("advisor");
}

} // namespace

void Hub::dispatchAuthenticated(PeerSession &session, const Message &message)
{
    const bool isKiosk = session.role == PeerRole::Kiosk;
    switch (message.type()) {
    case MessageType::CallRequest:
        return isKiosk ? handleCallRequest(session, message)
                       : refuse(session, errors::kNotAllowed, QStringLiteral("only kiosks request calls"), message);
    case MessageType::AdvisorState:
        return !isKiosk ? handleAdvisorState(session, message)
                        : refuse(session, errors::kNotAllowed, QStringLiteral("only advisors have a state"), message);
    case MessageType::CallAccept:
        return !isKiosk ? handleAccept(session, message)
                        : refuse(session, errors::kNotAllowed, QStringLiteral("only advisors accept calls"), message);
    case MessageType::CallDecline:
        return !isKiosk ? handleDecline(session, message)
                        : refuse(session, errors::kNotAllowed, QStringLiteral("only advisors decline calls"), message);
    case MessageType::Sdp:
    case MessageType::Ice:
    case MessageType::Share:
        return handleRelay(session, message);
    case MessageType::ShareRequest:
        return !isKiosk
            ? handleRelay(session, message)
            : refuse(session, errors::kNotAllowed, QStringLiteral("only advisors ask to see a screen"), message);
    case MessageType::Hangup:
        return handleHangup(session, message);
    case MessageType::CallReport:
        return handleCallReport(session, message);
    case MessageType::AppointmentSlotsRequest:
        return isKiosk
            ? handleSlotsRequest(session, message)
            : refuse(session, errors::kNotAllowed, QStringLiteral("appointments are booked at kiosks"), message);
    case MessageType::AppointmentBook:
        return isKiosk
            ? handleBook(session, message)
            : refuse(session, errors::kNotAllowed, QStringLiteral("appointments are booked at kiosks"), message);
    case MessageType::CheckIn:
        return isKiosk ? handleCheckIn(session, message)
                       : refuse(session, errors::kNotAllowed, QStringLiteral("citizens check in at kiosks"), message);
    case MessageType::CallbackRequest:
        return isKiosk
            ? handleCallbackRequest(session, message)
            : refuse(session, errors::kNotAllowed, QStringLiteral("call-backs are asked for at kiosks"), message);
    case MessageType::CallTransfer:
        return !isKiosk ? handleTransfer(session, message)
                        : refuse(session, errors::kNotAllowed, QStringLiteral("only advisors transfer calls"), message);
    case MessageType::CaseUpdate:
        return !isKiosk ? handleCaseUpdate(session, message)
                        : refuse(session, errors::kNotAllowed, QStringLiteral("only advisors keep cases"), message);
    case MessageType::Survey:
        return isKiosk ? handleSurvey(session, message)
                       : refuse(session, errors::kNotAllowed, QStringLiteral("citizens answer surveys"), message);
    case MessageType::StatsRequest:
        return !isKiosk
            ? handleStatsRequest(session, message)
            : refuse(session, errors::kNotAllowed, QStringLiteral("statistics are for the hub's staff"), message);
    case MessageType::TaskUpdate:
        return !isKiosk ? handleTaskUpdate(session, message)
                        : refuse(session, errors::kNotAllowed, QStringLiteral("only advisors work on tasks"), message);
    default:
        return refuse(session, errors::kOutOfOrder, QStringLiteral("not expected here"), message);
    }
}

ActiveCall *Hub::callFor(PeerSession &session, const QString &callId)
{
    const auto it = m_calls.find(callId);
    if (it == m_calls.end())
        return nullptr;
    ActiveCall *call = it->second.get();
    return (call->kioskPeer == session.peerId || call->advisorPeer == session.peerId) ? call : nullptr;
}

void Hub::handleCallRequest(PeerSession &kiosk, const Message &message)
{
    if (!kiosk.callId.isEmpty())
        return refuse(
            kiosk, errors::kOutOfOrder, QStringLiteral("this kiosk already has call %1").arg(kiosk.callId), message);
    const QString serviceId = message.string(QStringLiteral("service"));
    if (!m_charter)
        return refuse(kiosk, errors::kUnavailable, QStringLiteral("no services charter is in force yet"), message);
    const KioskOfficeStatus office = kioskOfficeStatus(m_store, kiosk.recordId, QDateTime::currentDateTimeUtc());
    if (!office.status.open) {
        const QString opens = office.status.nextOpensAt.isValid()
            ? QStringLiteral("; it opens %1")
                  .arg(describeOpening(office.status.nextOpensAt, QTimeZone(office.office->timeZone.toUtf8())))
            : QString();
        return refuse(kiosk, errors::kClosed,
            QStringLiteral("the office of %1 is closed now%2").arg(office.office->municipality, opens), message);
    }
    if (!m_charter->service(serviceId)) {
        return refuse(kiosk, errors::kUnknownService,
            QStringLiteral("\"%1\" is not a service of charter %2").arg(serviceId, m_charter->version), message);
    }
    queueCall(kiosk, serviceId, message.string(QStringLiteral("priority")) == QLatin1String("preferred"), nullptr);
}

ActiveCall &Hub::queueCall(
    PeerSession &kiosk, const QString &serviceId, bool preferred, const store::AppointmentRecord *appointment)
{
    auto call = std::make_unique<ActiveCall>();
    call->id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    call->kioskPeer = kiosk.peerId;
    call->service = serviceId;
    call->phase = CallPhase::Waiting;
    call->requestedAtMs = store::nowMs();
    const Service &service = *m_charter->service(serviceId);
    call->routing = {service.skill, service.routing, service.overflowAfter_s, call->requestedAtMs, {}};
    call->preferred = preferred;
    call->rankMs = rank::walkIn(call->requestedAtMs, call->preferred, m_config.preferredBoost_s);
    // Recorded before it is acknowledged: an accepted request is never lost.
    m_store.insertCall({.id = call->id,
        .kioskId = kiosk.recordId,
        .service = call->service,
        .requestedAtMs = call->requestedAtMs,
        .charterVersionId = m_charterId,
        .preferred = call->preferred});
    kiosk.callId = call->id;
    qCInfo(lcHub).noquote() << kiosk.peerId << "requests a call for" << call->service << "as" << call->id
                            << (call->preferred ? "(preferred)" : "");
    if (appointment)
        holdAppointment(*call, *appointment);
    ActiveCall &queued = *call;
    enqueue(queued);
    m_calls.emplace(queued.id, std::move(call));
    // The kiosk always learns its call id and place first, even when an advisor is free at
    // once: it needs the id to leave the queue while the offer rings.
    sendQueuePositions(queued.id);
    offerWaitingCalls();
    return queued;
}

void Hub::handleAdvisorState(PeerSession &advisor, const Message &message)
{
    const QString wanted = message.string(QStringLiteral("state"));
    if (wanted == QLatin1String("wrap-up"))
        return refuse(
            advisor, errors::kNotAllowed, QStringLiteral("wrap-up starts by itself when a call ends"), message);
    if (advisor.advisorState == AdvisorState::InCall)
        return refuse(advisor, errors::kOutOfOrder, QStringLiteral("finish the current call first"), message);
    if (advisor.advisorState == AdvisorState::Offered && wanted != QLatin1String("available")) {
        // Leaving while ringing passes the call on; the console learns the offer is gone.
        const QString ringing = advisor.callId;
        handleDecline(advisor, makeMessage(MessageType::CallDecline, {{QStringLiteral("call_id"), ringing}}));
        deliver(advisor.peerId,
            makeMessage(MessageType::CallEnded,
                {{QStringLiteral("call_id"), ringing}, {QStringLiteral("reason"), QStringLiteral("declined")}}));
    }
    if (wanted == QLatin1String("available")) {
        if (!advisor.onShift && !advisor.overtime) {
            qCInfo(lcHub).noquote() << advisor.peerId << "chose to be available outside their shift";
            advisor.overtime = true;
        }
        if (advisor.advisorState == AdvisorState::WrapUp)
            finishWrapUp(advisor); // done early
        else if (advisor.advisorState != AdvisorState::Offered) {
            // Back from away or a break: calls passed on only because they left may come to them again.
            for (const QString &callId : m_waiting)
                m_calls.at(callId)->routing.declinedUntilMs.remove(advisor.peerId);
            setAdvisorState(advisor, AdvisorState::Available);
        }
    } else {
        if (advisor.advisorState == AdvisorState::WrapUp && !advisor.wrapUpCallId.isEmpty())
            m_store.markWrapUpEnded(std::exchange(advisor.wrapUpCallId, QString()), store::nowMs());
        const bool onBreak = wanted == QLatin1String("break");
        setAdvisorState(advisor, onBreak ? AdvisorState::Break : AdvisorState::Away,
            onBreak ? message.string(QStringLiteral("reason")) : QString());
    }
    offerWaitingCalls();
}

void Hub::offerWaitingCalls()
{
    // The free advisors, gathered once: each offer takes one out. With none free the line
    // cannot move, whatever its length.
    QList<RoutingAdvisor> available;
    for (const auto &session : std::as_const(m_sessions)) {
        if (session->role == PeerRole::Advisor && session->advisorState == AdvisorState::Available && session->link)
            available.append({session->peerId, session->skills, session->availableSinceMs, session->callsToday});
    }
    for (auto it = m_waiting.begin(); it != m_waiting.end() && !available.isEmpty();) {
        ActiveCall &call = *m_calls.at(*it);
        const auto kioskSession = m_sessions.value(call.kioskPeer);
        if (!kioskSession) {
            // Restored after a hub restart and its kiosk is not back yet: it keeps its place.
            // Just after the restart, while kiosks reconnect, nobody behind it is served
            // either, so the line keeps its order; later, those present go ahead.
            if (store::nowMs() < m_restartSettledAtMs)
                break;
            ++it;
            continue;
        }
        const auto picked = m_router.pick(call.routing, available, store::nowMs());
        if (!picked) {
            ++it;
            continue;
        }
        available.removeIf([&](const RoutingAdvisor &advisor) { return advisor.peerId == *picked; });
        PeerSession *best = m_sessions.value(*picked).get();
        m_router.offered(call.routing.skill, best->peerId);
        call.phase = CallPhase::Offered;
        call.announcedPosition = 0;
        call.announcedWait_s = -1;
        call.advisorPeer = best->peerId;
        setAdvisorState(*best, AdvisorState::Offered);
        best->callId = call.id;
        m_store.markCallOffered(call.id, best->recordId, store::nowMs());
        call.ringTimer = std::make_unique<QTimer>();
        call.ringTimer->setSingleShot(true);
        connect(call.ringTimer.get(), &QTimer::timeout, this, [this, id = call.id] { ringTimedOut(id); });
        call.ringTimer->start(m_config.ringTimeout_ms);
        const PeerSession &kiosk = *kioskSession;
        qCInfo(lcHub).noquote() << "offering" << call.id << "to" << best->peerId;
        QJsonObject offer{{QStringLiteral("call_id"), call.id},
            {QStringLiteral("site_id"), kiosk.peerId.section(QLatin1Char(':'), 1)},
            {QStringLiteral("municipality"), kiosk.name}, {QStringLiteral("service"), call.service},
            {QStringLiteral("ring_timeout_ms"), m_config.ringTimeout_ms},
            {QStringLiteral("service_name"),
                m_charter && m_charter->service(call.service) ? m_charter->service(call.service)->nameEs
                                                              : call.service}};
        if (call.caseId > 0) {
            // A transfer: the next advisor sees whose case it is and what their colleague noted.
            if (const auto record = m_store.caseById(call.caseId))
                offer.insert(QStringLiteral("case_reference"), record->reference);
            offer.insert(QStringLiteral("transferred_by"), call.transferredBy);
            if (!call.transferNote.isEmpty())
                offer.insert(QStringLiteral("note"), call.transferNote);
        }
        deliver(best->peerId, makeMessage(MessageType::CallOffer, offer));
        it = m_waiting.erase(it);
    }
    // Offers move everyone behind up a place, arrivals and estimates shift too: with many
    // advisors and citizens that would be a message to every waiting kiosk several times a
    // second. Coalesce: one update per kiosk at most every half second.
    if (!m_positionsTimer.isActive())
        m_positionsTimer.start();
}

void Hub::enqueue(ActiveCall &call)
{
    const auto place = std::find_if(m_waiting.begin(), m_waiting.end(), [&](const QString &other) {
        const auto it = m_calls.find(other);
        return it != m_calls.end() && it->second->rankMs > call.rankMs;
    });
    m_waiting.insert(place, call.id);
}

void Hub::sendQueuePositions(const QString &onlyCallId)
{
    const auto handlingFor = [this](const QString &service) -> HandlingTimes & {
        if (!m_handling.contains(service)) {
            const Service *known = m_charter ? m_charter->service(service) : nullptr;
            m_handling.insert(service, HandlingTimes(known ? known->expectedHandling_s + m_config.wrapUp_s : 300));
        }
        return m_handling[service];
    };
    // Who could attend a citizen of each skill: advisors at work with it (free ones count as
    // free now). Gathered once per skill, not once per waiting citizen.
    QHash<QString, QList<double>> freeInBySkill;
    const auto freeInFor = [&](const QString &skill) -> const QList<double> & {
        auto found = freeInBySkill.find(skill);
        if (found != freeInBySkill.end())
            return *found;
        QList<double> freeIn;
        for (const auto &session : std::as_const(m_sessions)) {
            const bool atWork = session->advisorState == AdvisorState::Available
                || session->advisorState == AdvisorState::Offered || session->advisorState == AdvisorState::InCall
                || session->advisorState == AdvisorState::WrapUp;
            if (session->role == PeerRole::Advisor && atWork
                && (session->skills.isEmpty() || session->skills.contains(skill)))
                freeIn << (session->advisorState == AdvisorState::Available ? 0.0 : 1.0);
        }
        return *freeInBySkill.insert(skill, freeIn);
    };
    int position = 0;
    QHash<QString, int> positionInSkill;
    for (const QString &callId : m_waiting) {
        ActiveCall &call = *m_calls.at(callId);
        ++position;
        const double estimate = estimateWait_s(
            freeInFor(call.routing.skill), ++positionInSkill[call.routing.skill], handlingFor(call.service).mean_s());
        const qint64 wait_s = estimate < 0 ? -1 : qRound64(estimate);
        // Tell the kiosk when its place changes, or when the estimate moves by half a minute.
        const bool estimateMoved
            = (wait_s < 0) != (call.announcedWait_s < 0) || std::abs(wait_s - call.announcedWait_s) >= 30;
        if ((position == call.announcedPosition && !estimateMoved) || (!onlyCallId.isEmpty() && callId != onlyCallId))
            continue;
        call.announcedPosition = position;
        call.announcedWait_s = wait_s;
        QJsonObject fields{{QStringLiteral("call_id"), callId}, {QStringLiteral("position"), position},
            {QStringLiteral("service"), call.service}};
        if (wait_s >= 0)
            fields.insert(QStringLiteral("estimated_wait_s"), wait_s);
        if (call.appointmentAtMs > 0)
            fields.insert(QStringLiteral("appointment_at_ms"), call.appointmentAtMs);
        deliver(call.kioskPeer, makeMessage(MessageType::CallQueued, fields));
    }
}

void Hub::handleAccept(PeerSession &advisor, const Message &message)
{
    const QString callId = message.string(QStringLiteral("call_id"));
    ActiveCall *call = callFor(advisor, callId);
    if (!call || call->phase != CallPhase::Offered)
        return refuse(
            advisor, errors::kNoSuchCall, QStringLiteral("no call %1 is ringing for you").arg(callId), message);
    call->phase = CallPhase::Connected;
    call->ringTimer.reset();
    setAdvisorState(advisor, AdvisorState::InCall);
    call->answeredAtMs = store::nowMs();
    ++advisor.callsToday;
    m_store.markCallAnswered(call->id, advisor.recordId, store::nowMs());
    if (call->appointmentId > 0)
        m_store.setAppointmentStatus(call->appointmentId, QStringLiteral("checked-in"), QStringLiteral("attended"));
    const PeerSession &kiosk = *m_sessions.value(call->kioskPeer);
    const qint64 caseId = caseFor(*call, advisor);
    const auto record = m_store.caseById(caseId);
    qCInfo(lcHub).noquote() << advisor.peerId << "accepted" << call->id << "case" << record->reference;
    // The kiosk offers: its pipeline was built while it waited, so the offer is ready soonest.
    deliver(call->kioskPeer,
        makeMessage(MessageType::CallStart,
            {{QStringLiteral("call_id"), call->id}, {QStringLiteral("sdp_role"), QStringLiteral("offerer")},
                {QStringLiteral("peer_name"), advisor.name}}));
    deliver(advisor.peerId,
        makeMessage(MessageType::CallStart,
            {{QStringLiteral("call_id"), call->id}, {QStringLiteral("sdp_role"), QStringLiteral("answerer")},
                {QStringLiteral("peer_name"), kiosk.name}, {QStringLiteral("case_id"), caseId},
                {QStringLiteral("case_reference"), record->reference}}));
    sendCase(advisor.peerId, caseId);
    Q_EMIT callConnected(call->id);
}

void Hub::handleDecline(PeerSession &advisor, const Message &message)
{
    const QString callId = message.string(QStringLiteral("call_id"));
    ActiveCall *call = callFor(advisor, callId);
    if (!call || call->phase != CallPhase::Offered)
        return refuse(
            advisor, errors::kNoSuchCall, QStringLiteral("no call %1 is ringing for you").arg(callId), message);
    qCInfo(lcHub).noquote() << advisor.peerId << "declined" << call->id;
    call->routing.declinedUntilMs.insert(advisor.peerId, store::nowMs() + kDeclineExclusion_ms);
    call->phase = CallPhase::Waiting;
    call->advisorPeer.clear();
    call->ringTimer.reset();
    advisor.callId.clear();
    setAdvisorState(advisor, AdvisorState::Available);
    enqueue(*call); // it goes back to its place by rank
    offerWaitingCalls();
}

void Hub::ringTimedOut(const QString &callId)
{
    const auto it = m_calls.find(callId);
    if (it == m_calls.end() || it->second->phase != CallPhase::Offered)
        return;
    ActiveCall &call = *it->second;
    qCInfo(lcHub).noquote() << call.advisorPeer << "did not answer" << callId << "; setting them away";
    if (const auto advisor = m_sessions.value(call.advisorPeer)) {
        // An advisor who does not answer is probably not at the desk: stop offering them calls.
        advisor->callId.clear();
        deliver(advisor->peerId,
            makeMessage(MessageType::CallEnded,
                {{QStringLiteral("call_id"), callId}, {QStringLiteral("reason"), QStringLiteral("ring-timeout")}}));
        setAdvisorState(*advisor, AdvisorState::Away, QStringLiteral("ring-timeout"));
    }
    call.advisorPeer.clear();
    call.phase = CallPhase::Waiting;
    call.ringTimer.release()->deleteLater(); // we are inside its timeout
    enqueue(call);
    offerWaitingCalls();
}

void Hub::handleRelay(PeerSession &sender, const Message &message)
{
    const QString callId = message.string(QStringLiteral("call_id"));
    ActiveCall *call = callFor(sender, callId);
    if (!call)
        return refuse(sender, errors::kNoSuchCall, QStringLiteral("you are not in call %1").arg(callId), message);
    if (call->phase != CallPhase::Connected)
        return refuse(sender, errors::kOutOfOrder, QStringLiteral("call %1 is not connected yet").arg(callId), message);
    const QString other = call->kioskPeer == sender.peerId ? call->advisorPeer : call->kioskPeer;
    deliver(other, Message(message.type(), message.fields()));
}

void Hub::handleHangup(PeerSession &sender, const Message &message)
{
    const QString callId = message.string(QStringLiteral("call_id"));
    if (!callFor(sender, callId))
        return refuse(sender, errors::kNoSuchCall, QStringLiteral("you are not in call %1").arg(callId), message);
    const QString reason
        = message.has(QStringLiteral("reason")) ? message.string(QStringLiteral("reason")) : QStringLiteral("hangup");
    endCall(callId, reason, sender.peerId);
}

void Hub::endCall(const QString &callId, const QString &reason, const QString &endedByPeer, const QString &nextCallId)
{
    const auto it = m_calls.find(callId);
    if (it == m_calls.end())
        return;
    std::unique_ptr<ActiveCall> call = std::move(it->second);
    m_calls.erase(it);
    std::erase(m_waiting, callId);
    if (call->ringTimer)
        call->ringTimer.release()->deleteLater(); // may be on the stack of its own timeout
    m_store.markCallEnded(callId, store::nowMs(), reason);
    if (call->phase == CallPhase::Connected && call->answeredAtMs > 0 && m_handling.contains(call->service))
        m_handling[call->service].add((store::nowMs() - call->answeredAtMs) / 1000.0 + m_config.wrapUp_s);
    qCInfo(lcHub).noquote() << "call" << callId << "ended by" << endedByPeer << ":" << reason;
    const Message ended = makeMessage(
        MessageType::CallEnded, {{QStringLiteral("call_id"), callId}, {QStringLiteral("reason"), reason}});
    for (const QString &peerId : {call->kioskPeer, call->advisorPeer}) {
        const auto session = m_sessions.value(peerId);
        if (!session || session->callId != callId)
            continue;
        session->callId.clear();
        if (session->role == PeerRole::Kiosk && !nextCallId.isEmpty()) {
            QJsonObject fields = ended.fields();
            fields.insert(QStringLiteral("next_call_id"), nextCallId);
            deliver(peerId, Message(MessageType::CallEnded, fields));
        } else {
            deliver(peerId, ended);
        }
        // After a conversation the advisor wraps up; an offer that ended unanswered frees them.
        if (session->role == PeerRole::Advisor && session->advisorState == AdvisorState::InCall)
            startWrapUp(*session, callId);
        else if (session->role == PeerRole::Advisor && session->advisorState == AdvisorState::Offered)
            setAdvisorState(*session, AdvisorState::Available);
    }
    Q_EMIT callEnded(callId, reason);
    offerWaitingCalls();
}

void Hub::handleCallReport(PeerSession &sender, const Message &message)
{
    const QString callId = message.string(QStringLiteral("call_id"));
    const auto record = m_store.call(callId);
    const bool isParty = record
        && (sender.role == PeerRole::Kiosk ? record->kioskId == sender.recordId
                                           : record->advisorId && *record->advisorId == sender.recordId);
    if (!isParty)
        return refuse(sender, errors::kNoSuchCall, QStringLiteral("you took no part in call %1").arg(callId), message);
    store::CallReport report;
    report.callId = callId;
    report.role = roleName(sender.role);
    report.reportedAtMs = store::nowMs();
    if (message.has(QStringLiteral("first_frame_at_ms")))
        report.firstFrameAtMs = message.integer(QStringLiteral("first_frame_at_ms"));
    report.videoFrames = message.integer(QStringLiteral("video_frames"));
    report.desktopFrames = message.integer(QStringLiteral("desktop_frames"));
    report.audioPackets = message.integer(QStringLiteral("audio_packets"));
    report.srtpCipher = message.string(QStringLiteral("srtp_cipher"));
    report.statsJson = QString::fromUtf8(
        QJsonDocument(message.fields().value(QStringLiteral("stats")).toObject()).toJson(QJsonDocument::Compact));
    m_store.saveCallReport(report);
    qCInfo(lcHub).noquote() << sender.peerId << "reported on" << callId << ":" << report.videoFrames << "video frames,"
                            << report.audioPackets << "audio packets," << report.srtpCipher;
}

} // namespace ventanilla::hub

namespace ventanilla::hub {

void Hub::restoreUnfinishedCalls()
{
    const qint64 now = store::nowMs();
    int restored = 0;
    m_restartSettledAtMs = now + kRestartSettle_ms;
    for (const auto &[record, siteId] : m_store.unfinishedCalls()) {
        if (record.answeredAtMs) {
            // Its media ran peer to peer and its hub-side state is gone: end it, once.
            m_store.markCallEnded(record.id, now, QStringLiteral("hub-restart"));
            continue;
        }
        const Service *service = m_charter ? m_charter->service(record.service) : nullptr;
        auto call = std::make_unique<ActiveCall>();
        call->id = record.id;
        call->kioskPeer = QStringLiteral("kiosk:") + siteId;
        call->service = record.service;
        call->phase = CallPhase::Waiting;
        call->requestedAtMs = record.requestedAtMs;
        call->preferred = record.preferred;
        call->rankMs = rank::walkIn(record.requestedAtMs, record.preferred, m_config.preferredBoost_s);
        call->caseId = record.caseId.value_or(0);
        if (!record.transferredFrom.isEmpty()) // already attended once: still ahead of first-timers
            call->rankMs = rank::transferred(record.requestedAtMs);
        call->routing = {service ? service->skill : QStringLiteral("general"),
            service ? service->routing : RoutingStrategy::LongestIdle, service ? service->overflowAfter_s : 0,
            record.requestedAtMs, {}};
        if (const auto appointment = m_store.appointmentOfCall(record.id))
            holdAppointment(*call, *appointment);
        enqueue(*call);
        // A kiosk that does not come back within the grace period has left: the call ends.
        QTimer::singleShot(m_config.grace_ms, this, [this, id = record.id, kioskPeer = call->kioskPeer] {
            if (!m_sessions.contains(kioskPeer))
                endCall(id, QStringLiteral("link-lost"), QStringLiteral("hub"));
        });
        m_calls.emplace(record.id, std::move(call));
        ++restored;
    }
    if (restored > 0)
        qCInfo(lcHub) << "restored" << restored << "waiting citizen(s) from the database";
}

} // namespace ventanilla::hub
