// Cases, transfers and surveys at the hub: every answered call belongs to a case; an advisor
// can hand the citizen on to another service or colleague with the case and a note; the
// citizen can rate the call afterwards.
#include "ventanilla/hub/hub.h"
#include "ventanilla/hub/logging.h"

#include "queue_rank.h"
#include "refusal.h"

#include <QJsonArray>
#include <QUuid>

namespace ventanilla::hub {

using signalling::makeMessage;
using signalling::Message;
using signalling::MessageType;
namespace errors = signalling::errors;

namespace {

constexpr qint64 kNotBackToSender_ms = 30000;

QString caseTypeFor(ServiceCategory category)
{
    switch (category) {
    case ServiceCategory::Claim:
        return QStringLiteral("claim");
    case ServiceCategory::Consultation:
        return QStringLiteral("consultation");
    case ServiceCategory::Certificate:
        return QStringLiteral("certificate");
    case ServiceCategory::EAdministration:
    case ServiceCategory::Procedure:
        return QStringLiteral("procedure");
    case ServiceCategory::Aid:
        return QStringLiteral("aid");
    default:
        return QStringLiteral("other");
    }
}

} // namespace

qint64 Hub::caseFor(ActiveCall &call, const PeerSession &advisor)
{
    if (call.caseId == 0) {
        const Service *service = m_charter ? m_charter->service(call.service) : nullptr;
        const auto kiosk = m_sessions.value(call.kioskPeer);
        const store::CaseRecord opened
            = m_store.openCase(caseTypeFor(service ? service->category : ServiceCategory::Unknown), call.service,
                kiosk ? std::optional<qint64>(kiosk->recordId) : std::nullopt, advisor.recordId, store::nowMs());
        call.caseId = opened.id;
    }
    m_store.setCallCase(call.id, call.caseId);
    return call.caseId;
}

void Hub::sendCase(const QString &peerId, qint64 caseId)
{
    const auto record = m_store.caseById(caseId);
    if (!record)
        return;
    QJsonArray notes;
    for (const store::CaseNote &note : record->notes)
        notes.append(QJsonObject{{QStringLiteral("at_ms"), note.atMs}, {QStringLiteral("advisor"), note.advisorName},
            {QStringLiteral("text"), note.text}});
    deliver(peerId,
        makeMessage(MessageType::Case,
            {{QStringLiteral("case_id"), record->id}, {QStringLiteral("reference"), record->reference},
                {QStringLiteral("case_type"), record->type}, {QStringLiteral("status"), record->status},
                {QStringLiteral("service"), record->service}, {QStringLiteral("notes"), notes}}));
}

void Hub::handleTransfer(PeerSession &advisor, const Message &message)
{
    const QString callId = message.string(QStringLiteral("call_id"));
    ActiveCall *call = callFor(advisor, callId);
    if (!call || call->phase != CallPhase::Connected || call->advisorPeer != advisor.peerId)
        return refuse(advisor, errors::kNoSuchCall,
            QStringLiteral("you are not in a conversation in call %1").arg(callId), message);
    const QString serviceId
        = message.has(QStringLiteral("service")) ? message.string(QStringLiteral("service")) : call->service;
    const QString toUser = message.string(QStringLiteral("advisor"));
    if (!message.has(QStringLiteral("service")) && toUser.isEmpty())
        return refuse(
            advisor, errors::kBadField, QStringLiteral("name the service or the advisor to transfer to"), message);
    if (!m_charter || !m_charter->service(serviceId))
        return refuse(advisor, errors::kUnknownService,
            QStringLiteral("\"%1\" is not a service in force").arg(serviceId), message);
    QString onlyAdvisor;
    if (!toUser.isEmpty()) {
        const auto target = m_store.advisorByUsername(toUser);
        if (!target || !target->active)
            return refuse(advisor, errors::kBadField, QStringLiteral("there is no advisor %1").arg(toUser), message);
        onlyAdvisor = QStringLiteral("advisor:") + toUser;
        if (onlyAdvisor == advisor.peerId)
            return refuse(advisor, errors::kBadField, QStringLiteral("the call is already yours"), message);
    }
    const auto kioskSession = m_sessions.value(call->kioskPeer);
    if (!kioskSession)
        return refuse(advisor, errors::kUnavailable, QStringLiteral("the citizen's kiosk is not connected"), message);
    PeerSession &kiosk = *kioskSession;
    const qint64 caseId = caseFor(*call, advisor);
    const QString note = message.string(QStringLiteral("note")).trimmed();
    if (!note.isEmpty())
        m_store.addCaseNote(caseId, advisor.recordId, note, store::nowMs());

    // The next leg: a new call with the same case, at the head of the queue.
    auto next = std::make_unique<ActiveCall>();
    next->id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    next->kioskPeer = kiosk.peerId;
    next->service = serviceId;
    next->phase = CallPhase::Waiting;
    next->requestedAtMs = store::nowMs();
    next->preferred = call->preferred;
    next->rankMs = rank::transferred(call->requestedAtMs);
    next->caseId = caseId;
    next->transferredBy = advisor.name;
    next->transferNote = note;
    const Service &service = *m_charter->service(serviceId);
    next->routing = {service.skill, service.routing, service.overflowAfter_s, next->requestedAtMs, {}, onlyAdvisor};
    // Not straight back to who passed it on (unless nobody else takes it for a while).
    next->routing.declinedUntilMs.insert(advisor.peerId, next->requestedAtMs + kNotBackToSender_ms);
    m_store.insertCall({.id = next->id,
        .kioskId = kiosk.recordId,
        .service = serviceId,
        .requestedAtMs = next->requestedAtMs,
        .charterVersionId = m_charterId,
        .preferred = next->preferred,
        .caseId = caseId,
        .transferredFrom = callId});
    m_store.audit(advisor.peerId, QStringLiteral("transfer"),
        QStringLiteral("%1 -> %2 %3").arg(callId, next->id, onlyAdvisor.isEmpty() ? serviceId : onlyAdvisor));
    qCInfo(lcHub).noquote() << advisor.peerId << "transferred" << callId << "to"
                            << (onlyAdvisor.isEmpty() ? serviceId : onlyAdvisor) << "as" << next->id;
    const QString nextId = next->id;
    endCall(callId, QStringLiteral("transferred"), advisor.peerId, nextId);
    kiosk.callId = nextId;
    enqueue(*next);
    m_calls.emplace(nextId, std::move(next));
    sendQueuePositions(nextId);
    offerWaitingCalls();
}

void Hub::handleCaseUpdate(PeerSession &advisor, const Message &message)
{
    const qint64 caseId = message.integer(QStringLiteral("case_id"));
    const auto record = m_store.caseById(caseId);
    if (!record || !m_store.advisorWorkedOnCase(advisor.recordId, caseId))
        return refuse(
            advisor, errors::kNoSuchCase, QStringLiteral("case %1 is not one you attended").arg(caseId), message);
    const QString type
        = message.has(QStringLiteral("case_type")) ? message.string(QStringLiteral("case_type")) : record->type;
    const QString status
        = message.has(QStringLiteral("status")) ? message.string(QStringLiteral("status")) : record->status;
    const qint64 now = store::nowMs();
    if (type != record->type || status != record->status)
        m_store.updateCase(caseId, type, status, now);
    const QString note = message.string(QStringLiteral("note")).trimmed();
    if (!note.isEmpty())
        m_store.addCaseNote(caseId, advisor.recordId, note, now);
    m_store.audit(advisor.peerId, QStringLiteral("case-update"),
        QStringLiteral("%1 %2 %3%4")
            .arg(record->reference, type, status, note.isEmpty() ? QString() : QStringLiteral(" +note")));
    sendCase(advisor.peerId, caseId);
}

void Hub::handleSurvey(PeerSession &kiosk, const Message &message)
{
    const QString callId = message.string(QStringLiteral("call_id"));
    const qint64 rating = message.integer(QStringLiteral("rating"));
    const auto record = m_store.call(callId);
    if (!record || record->kioskId != kiosk.recordId || !record->answeredAtMs || !record->endedAtMs)
        return refuse(kiosk, errors::kNoSuchCall,
            QStringLiteral("call %1 is not a finished conversation of this kiosk").arg(callId), message);
    if (rating < 1 || rating > 5)
        return refuse(kiosk, errors::kBadField, QStringLiteral("survey: rating must be 1 to 5"), message);
    if (!m_store.saveSurvey(callId, static_cast<int>(rating), store::nowMs()))
        return refuse(kiosk, errors::kOutOfOrder, QStringLiteral("call %1 was already rated").arg(callId), message);
    qCInfo(lcHub).noquote() << kiosk.peerId << "rated" << callId << rating << "of 5";
}

} // namespace ventanilla::hub
