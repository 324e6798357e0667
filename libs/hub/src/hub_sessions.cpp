// Authentication and session life: hello, resume, grace period, bye, delivery.
#include "ventanilla/hub/hub.h"

#include "ventanilla/crypto/password.h"
#include "ventanilla/hub/logging.h"
#include "ventanilla/hub/offices.h"
#include "ventanilla/hub/shifts.h"

#include <QFutureWatcher>
#include <QtConcurrent/QtConcurrentRun>

namespace ventanilla::hub {

using signalling::makeMessage;
using signalling::Message;
using signalling::MessageType;
using signalling::PeerLink;
namespace errors = signalling::errors;

namespace {
// Relayed messages kept for a disconnected peer; beyond this the oldest are dropped.
constexpr int kPendingLimit = 100;
} // namespace

PeerSession *Hub::sessionOf(PeerLink *link)
{
    const auto peerId = m_peerByLink.value(link->linkId());
    const auto it = m_sessions.find(peerId);
    return it == m_sessions.end() ? nullptr : it->get();
}

void Hub::onLinkMessage(PeerLink *link, const Message &message)
{
    try {
        PeerSession *session = sessionOf(link);
        switch (message.type()) {
        case MessageType::Hello:
            if (session)
                return link->sendError(
                    errors::kOutOfOrder, QStringLiteral("already authenticated"), QStringLiteral("hello"));
            return handleHello(link, message);
        case MessageType::Resume:
            if (session)
                return link->sendError(
                    errors::kOutOfOrder, QStringLiteral("already authenticated"), QStringLiteral("resume"));
            return handleResume(link, message);
        case MessageType::Bye:
            if (session)
                endSession(session->peerId, QStringLiteral("bye"));
            link->close(QStringLiteral("bye"));
            return;
        default:
            break;
        }
        if (!session) {
            qCWarning(lcHub).noquote() << "link" << link->linkId() << "sent" << typeName(message.type())
                                       << "before authenticating";
            return link->sendError(
                errors::kNotAuthenticated, QStringLiteral("send hello first"), typeName(message.type()));
        }
        dispatchAuthenticated(*session, message);
    } catch (const store::StoreError &error) {
        // Already logged by the store; the peer learns the hub could not do it, nothing half-done stays.
        link->sendError(
            errors::kInternal, QStringLiteral("the hub could not record this; try again"), typeName(message.type()));
    }
}

void Hub::handleHello(PeerLink *link, const Message &message)
{
    const QString role = message.string(QStringLiteral("role"));
    if (m_pendingLogins.contains(link->linkId()))
        return link->sendError(
            errors::kOutOfOrder, QStringLiteral("a login is being checked on this link"), QStringLiteral("hello"));
    if (role == QLatin1String("kiosk")) {
        const QString siteId = message.string(QStringLiteral("site_id"));
        const auto kiosk = m_store.kioskBySiteId(siteId);
        if (siteId.isEmpty() || !message.has(QStringLiteral("credential")))
            return refuseLogin(
                link, QStringLiteral("kiosk:") + siteId, QStringLiteral("site_id or credential missing"));
        // A kiosk's credential is 256 random bits checked by one SHA-256: quick enough here.
        if (!kiosk || !kiosk->active
            || !crypto::verifyCredential(message.string(QStringLiteral("credential")), kiosk->credentialHash))
            return refuseLogin(
                link, QStringLiteral("kiosk:") + siteId, QStringLiteral("unknown site or wrong credential"));
        auto session = std::make_shared<PeerSession>();
        session->role = PeerRole::Kiosk;
        session->peerId = QStringLiteral("kiosk:") + siteId;
        session->recordId = kiosk->id;
        session->name = kiosk->municipality;
        return completeLogin(link, session);
    }

    const QString user = message.string(QStringLiteral("user"));
    const QString who = QStringLiteral("advisor:") + user;
    if (user.isEmpty() || !message.has(QStringLiteral("password")))
        return refuseLogin(link, who, QStringLiteral("user or password missing"));
    const auto advisor = m_store.advisorByUsername(user);
    // scrypt takes tens of milliseconds on purpose: it runs on the thread pool so the hub keeps
    // serving everyone else. Unknown users are checked against a decoy hash, so the time taken
    // does not tell whether a user name exists.
    const QString storedHash = advisor && advisor->active ? advisor->passwordHash : QString();
    const QString password = message.string(QStringLiteral("password"));
    const quint64 linkId = link->linkId();
    m_pendingLogins.insert(linkId);
    auto *check = new QFutureWatcher<bool>(this);
    connect(check, &QFutureWatcher<bool>::finished, this,
        [this, check, linkId, who, advisor, guard = QPointer<PeerLink>(link)] {
            check->deleteLater();
            m_pendingLogins.remove(linkId);
            if (!guard || !guard->isOpen())
                return; // the link went away while its password was checked
            if (!advisor || !advisor->active || !check->result())
                return refuseLogin(guard, who, QStringLiteral("unknown user or wrong password"));
            auto session = std::make_shared<PeerSession>();
            session->role = PeerRole::Advisor;
            session->peerId = who;
            session->recordId = advisor->id;
            session->name = advisor->displayName;
            try {
                session->skills = m_store.advisorSkills(advisor->id);
                session->onShift = isOnShift(m_store, advisor->id, QDateTime::currentDateTimeUtc());
                session->callsToday = m_store.callsAnsweredSince(
                    advisor->id, QDateTime(QDate::currentDate(), QTime(0, 0)).toMSecsSinceEpoch());
                completeLogin(guard, session);
            } catch (const store::StoreError &) {
                guard->sendError(errors::kInternal, QStringLiteral("the hub could not record this; try again"),
                    QStringLiteral("hello"));
            }
        });
    check->setFuture(QtConcurrent::run([password, storedHash] {
        // Made once, on the pool too: hashing takes as long as checking.
        static const QString decoy = crypto::hashPassword(QStringLiteral("decoy password")).value();
        return crypto::verifyPassword(password, storedHash.isEmpty() ? decoy : storedHash);
    }));
}

void Hub::refuseLogin(PeerLink *link, const QString &who, const QString &why)
{
    qCWarning(lcHub).noquote() << "authentication failed for" << who << "from" << link->remoteAddress() << "-" << why;
    m_store.audit(who, QStringLiteral("login-failed"), link->remoteAddress());
    link->sendError(
        errors::kAuthFailed, QStringLiteral("unknown identity or wrong credential"), QStringLiteral("hello"));
}

void Hub::completeLogin(PeerLink *link, const std::shared_ptr<PeerSession> &session)
{
    if (m_sessions.contains(session->peerId)) {
        // The same identity logged in again (a restarted app): the new link replaces the old
        // session, which ends cleanly first so no call is left half-attached.
        qCInfo(lcHub).noquote() << session->peerId << "logged in again; ending its previous session";
        if (auto old = m_sessions.value(session->peerId); old && old->link)
            old->link->close(QStringLiteral("logged in elsewhere"));
        endSession(session->peerId, QStringLiteral("replaced"));
    }
    session->token = crypto::generateCredential();
    session->link = link;
    m_sessions.insert(session->peerId, session);
    m_peerByLink.insert(link->linkId(), session->peerId);
    m_store.audit(session->peerId, QStringLiteral("login"), link->remoteAddress());
    if (session->role == PeerRole::Advisor)
        m_store.logAdvisorState(
            session->recordId, advisorStateName(AdvisorState::Away), QStringLiteral("login"), store::nowMs());
    qCInfo(lcHub).noquote() << session->peerId << "authenticated from" << link->remoteAddress();
    welcome(*session, false);
    if (session->role == PeerRole::Kiosk) {
        // A citizen who was waiting before a hub restart gets their place back.
        for (const auto &[id, call] : m_calls) {
            if (call->kioskPeer == session->peerId && call->phase == CallPhase::Waiting) {
                session->callId = id;
                call->announcedPosition = 0;
                qCInfo(lcHub).noquote() << session->peerId << "is back for its waiting call" << id;
                offerWaitingCalls();
                break;
            }
        }
    }
}

void Hub::handleResume(PeerLink *link, const Message &message)
{
    const QString token = message.string(QStringLiteral("token"));
    for (const auto &session : std::as_const(m_sessions)) {
        if (session->token == token && !token.isEmpty()) {
            if (session->link && session->link != link) {
                m_peerByLink.remove(session->link->linkId());
                session->link->close(QStringLiteral("resumed on another link"));
            }
            session->link = link;
            session->graceTimer.reset();
            m_peerByLink.insert(link->linkId(), session->peerId);
            qCInfo(lcHub).noquote() << session->peerId << "resumed its session from" << link->remoteAddress();
            welcome(*session, true);
            const QList<Message> pending = std::exchange(session->pending, {});
            for (const Message &queued : pending)
                link->send(queued);
            return;
        }
    }
    qCInfo(lcHub) << "resume refused on link" << link->linkId() << "(unknown or expired session)";
    link->sendError(errors::kAuthFailed, QStringLiteral("the session expired; send hello"), QStringLiteral("resume"));
}

void Hub::welcome(PeerSession &session, bool resumed)
{
    session.link->send(makeMessage(MessageType::Welcome,
        {{QStringLiteral("peer_id"), session.peerId}, {QStringLiteral("display_name"), session.name},
            {QStringLiteral("token"), session.token}, {QStringLiteral("heartbeat_ms"), m_config.heartbeat_ms},
            {QStringLiteral("grace_ms"), m_config.grace_ms}, {QStringLiteral("resumed"), resumed}}));
    if (session.role == PeerRole::Kiosk) {
        sendServices(session);
        sendOfficeStatus(session, Tell::Always);
    }
    const bool stateTold
        = session.advisorState == AdvisorState::Offered || session.advisorState == AdvisorState::InCall;
    if (session.role == PeerRole::Advisor && !stateTold) {
        QJsonObject fields{{QStringLiteral("state"), advisorStateName(session.advisorState)}};
        if (!session.stateReason.isEmpty())
            fields.insert(QStringLiteral("reason"), session.stateReason);
        session.link->send(makeMessage(MessageType::AdvisorState, fields));
    }
    if (session.role == PeerRole::Advisor) {
        sendServices(session); // to transfer a citizen to another service
        sendTasks(session.peerId);
    }
}

void Hub::sendServices(PeerSession &kiosk)
{
    deliver(kiosk.peerId,
        makeMessage(MessageType::Services,
            {{QStringLiteral("charter_version"), m_charter ? m_charter->version : QString()},
                {QStringLiteral("services"), m_charter ? m_charter->menu() : QJsonArray()}}));
}

void Hub::sendOfficeStatus(PeerSession &kiosk, Tell when)
{
    const KioskOfficeStatus office = kioskOfficeStatus(m_store, kiosk.recordId, QDateTime::currentDateTimeUtc());
    const QDateTime change = office.status.open ? office.status.closesAt : office.status.nextOpensAt;
    const qint64 changeAtMs = change.isValid() ? change.toMSecsSinceEpoch() : 0;
    if (when == Tell::IfChanged && kiosk.officeOpen == office.status.open && kiosk.officeChangeAtMs == changeAtMs)
        return;
    kiosk.officeOpen = office.status.open;
    kiosk.officeChangeAtMs = changeAtMs;
    QJsonObject fields{{QStringLiteral("open"), office.status.open},
        {QStringLiteral("office"), office.office ? office.office->municipality : QString()},
        {QStringLiteral("appointments"), office.office.has_value()}};
    if (office.status.open && changeAtMs > 0)
        fields.insert(QStringLiteral("closes_at_ms"), changeAtMs);
    if (!office.status.open && changeAtMs > 0) {
        fields.insert(QStringLiteral("next_open_at_ms"), changeAtMs);
        fields.insert(
            QStringLiteral("next_open_text"), describeOpening(change, QTimeZone(office.office->timeZone.toUtf8())));
    }
    deliver(kiosk.peerId, makeMessage(MessageType::OfficeStatus, fields));
}

void Hub::checkOfficeHours()
{
    try {
        for (const auto &session : std::as_const(m_sessions)) {
            if (session->role == PeerRole::Kiosk)
                sendOfficeStatus(*session, Tell::IfChanged);
        }
        recordNoShows();
        checkShifts();
    } catch (const store::StoreError &) {
        // Logged by the store; the kiosks keep what they were last told.
    }
}

void Hub::onLinkClosed(PeerLink *link)
{
    const QString peerId = m_peerByLink.take(link->linkId());
    const auto it = m_sessions.find(peerId);
    if (it == m_sessions.end() || (*it)->link != link)
        return;
    PeerSession &session = **it;
    session.link = nullptr;
    if (m_config.grace_ms == 0)
        return endSession(peerId, QStringLiteral("link-lost"));
    qCInfo(lcHub).noquote() << peerId << "lost its link; keeping the session for" << m_config.grace_ms << "ms";
    session.graceTimer = std::make_unique<QTimer>();
    session.graceTimer->setSingleShot(true);
    connect(session.graceTimer.get(), &QTimer::timeout, this, [this, peerId] {
        qCInfo(lcHub).noquote() << peerId << "did not come back within the grace period";
        endSession(peerId, QStringLiteral("link-lost"));
    });
    session.graceTimer->start(m_config.grace_ms);
}

void Hub::endSession(const QString &peerId, const QString &reason)
{
    const auto session = m_sessions.take(peerId);
    if (!session)
        return;
    if (session->link)
        m_peerByLink.remove(session->link->linkId());
    // The grace timer may be the caller: let it finish before it is destroyed.
    if (session->graceTimer)
        session->graceTimer.release()->deleteLater();
    if (!session->callId.isEmpty())
        endCall(session->callId, reason, peerId);
    m_store.audit(peerId, QStringLiteral("logout"), reason);
    if (session->role == PeerRole::Advisor) {
        if (!session->wrapUpCallId.isEmpty())
            m_store.markWrapUpEnded(session->wrapUpCallId, store::nowMs());
        m_store.logAdvisorState(session->recordId, QStringLiteral("offline"), reason, store::nowMs());
    }
    qCInfo(lcHub).noquote() << peerId << "session ended:" << reason;
}

void Hub::deliver(const QString &peerId, const Message &message)
{
    const auto it = m_sessions.find(peerId);
    if (it == m_sessions.end())
        return;
    PeerSession &session = **it;
    if (session.link && session.link->isOpen()) {
        session.link->send(message);
        return;
    }
    if (session.pending.size() >= kPendingLimit)
        session.pending.removeFirst();
    session.pending.append(message);
}

} // namespace ventanilla::hub
