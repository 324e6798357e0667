// The hub: authenticates kiosks and advisors, keeps their sessions through short link
// losses, offers waiting citizens to free advisors, relays SDP and ICE, records calls.
#pragma once

#include "ventanilla/hub/charter.h"
#include "ventanilla/hub/hub_config.h"
#include "ventanilla/hub/wait_estimate.h"
#include "ventanilla/signalling/signalling_server.h"
#include "ventanilla/store/store.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QTimer>

#include <deque>
#include <memory>
#include <unordered_map>

namespace ventanilla::hub {

enum class PeerRole { Unknown = 0, Kiosk, Advisor };
enum class AdvisorState { Unknown = 0, Away, Available, Offered, InCall, WrapUp, Break };
QString advisorStateName(AdvisorState state); // "away", "available", "offered", "in-call", "wrap-up", "break"
enum class CallPhase { Unknown = 0, Waiting, Offered, Connected };

// One authenticated kiosk or advisor; survives link losses for the grace period.
struct PeerSession {
    QString peerId; // "kiosk:<site_id>" or "advisor:<user>"
    PeerRole role = PeerRole::Unknown;
    qint64 recordId = 0; // kiosks.id or advisors.id
    QString name; // municipality or advisor's display name
    QString token; // for "resume"
    QPointer<signalling::PeerLink> link; // null while disconnected
    std::unique_ptr<QTimer> graceTimer; // runs while disconnected
    AdvisorState advisorState = AdvisorState::Away;
    qint64 availableSinceMs = 0; // longest-idle advisor goes first
    QHash<QString, int> skills; // advisors: skill → level; empty takes every service
    int callsToday = 0; // advisors: answered since local midnight
    QString stateReason; // advisors: why on a break
    std::unique_ptr<QTimer> wrapUpTimer; // advisors: while wrapping up a call
    QString wrapUpCallId;
    bool onShift = true; // advisors: within their shift (or without one) when last checked
    bool overtime = false; // advisors: chose to be available outside their shift
    QString callId; // the call this peer is in or offered, if any
    bool officeOpen = true; // kiosks: as last told
    qint64 officeChangeAtMs = -1; // kiosks: closes_at or next_open_at last told
    QList<signalling::Message> pending; // relayed messages kept while the link is down
};

struct ActiveCall {
    QString id;
    QString kioskPeer;
    QString advisorPeer;
    QString service;
    CallPhase phase = CallPhase::Unknown;
    qint64 requestedAtMs = 0;
    int announcedPosition = 0; // last queue position told to the kiosk
    qint64 announcedWait_s = -1; // last estimate told (-1: none)
    qint64 answeredAtMs = 0;
    bool preferred = false;
    // The queue's order: arrival time, earlier by the preferred boost for preferred citizens.
    // Equal priority stays first come, first served; nobody waits behind a citizen who came
    // more than the boost after them, so nobody starves.
    qint64 rankMs = 0;
    // A checked-in appointment: at its time the citizen goes to the head of the queue.
    qint64 appointmentId = 0;
    qint64 appointmentAtMs = 0;
    std::unique_ptr<QTimer> appointmentTimer;
    qint64 caseId = 0; // opened when answered; carried on by a transfer
    QString transferredBy; // the advisor's name, for the next advisor's ringing card
    QString transferNote;
    RoutingCall routing; // its skill, strategy, overflow and declines
    std::unique_ptr<QTimer> ringTimer;
};

class Hub : public QObject {
    Q_OBJECT
public:
    Hub(HubConfig config, store::Store store, QObject *parent = nullptr);
    ~Hub() override;

    // Makes the demo PKI if none exists, loads TLS and starts listening.
    Status start();
    void stop();
    quint16 port() const { return m_server.port(); }
    store::Store &store() { return m_store; }

    // The charter in force, if one was imported; reloaded when IT staff import another.
    const std::optional<Charter> &charter() const { return m_charter; }
    // Rereads the active charter from the database and, if it changed, sends the new
    // service menu to every online kiosk.
    void reloadCharter();
    // Tells every online kiosk whose office opened or closed (also done every 30 s).
    void checkOfficeHours();
    // Erases citizens' personal data older than retention_days (also done hourly).
    void applyRetention();

    int onlineAdvisorCount() const;
    int waitingCallCount() const;

Q_SIGNALS:
    void callConnected(const QString &callId);
    void callEnded(const QString &callId, const QString &reason);

private:
    // sessions (hub_sessions.cpp)
    void onLinkMessage(signalling::PeerLink *link, const signalling::Message &message);
    void onLinkClosed(signalling::PeerLink *link);
    void handleHello(signalling::PeerLink *link, const signalling::Message &message);
    void refuseLogin(signalling::PeerLink *link, const QString &who, const QString &why);
    // Registers an authenticated session on its link and welcomes it.
    void completeLogin(signalling::PeerLink *link, const std::shared_ptr<PeerSession> &session);
    void handleResume(signalling::PeerLink *link, const signalling::Message &message);
    void welcome(PeerSession &session, bool resumed);
    void sendServices(PeerSession &kiosk);
    // Tells a kiosk whether its office is open (always, or only when that changed).
    enum class Tell { Unknown = 0, Always, IfChanged };
    void sendOfficeStatus(PeerSession &kiosk, Tell when);
    void endSession(const QString &peerId, const QString &reason);
    PeerSession *sessionOf(signalling::PeerLink *link);
    void deliver(const QString &peerId, const signalling::Message &message);

    // calls (hub_calls.cpp)
    void dispatchAuthenticated(PeerSession &session, const signalling::Message &message);
    void handleCallRequest(PeerSession &kiosk, const signalling::Message &message);
    // Records a new call for the kiosk and puts it in the waiting line (at the head at its
    // time, for an appointment).
    ActiveCall &queueCall(
        PeerSession &kiosk, const QString &serviceId, bool preferred, const store::AppointmentRecord *appointment);
    void handleAdvisorState(PeerSession &advisor, const signalling::Message &message);
    // advisors (hub_advisors.cpp): every state change goes through here: logged, told to the advisor.
    void setAdvisorState(PeerSession &advisor, AdvisorState state, const QString &reason = {});
    void startWrapUp(PeerSession &advisor, const QString &callId);
    void finishWrapUp(PeerSession &advisor);
    // After a call or wrap-up: available, or away once their shift has ended.
    void becomeFree(PeerSession &advisor);
    // Sets away the advisors whose shift has just ended (checked with the office hours).
    void checkShifts();
    void handleAccept(PeerSession &advisor, const signalling::Message &message);
    void handleDecline(PeerSession &advisor, const signalling::Message &message);
    void handleRelay(PeerSession &sender, const signalling::Message &message);
    void handleHangup(PeerSession &sender, const signalling::Message &message);
    void handleCallReport(PeerSession &sender, const signalling::Message &message);
    void offerWaitingCalls();
    // On start: puts the calls that were waiting back in line and ends those that were in
    // progress, so nothing accepted is lost and nothing is counted twice.
    void restoreUnfinishedCalls();

    // appointments and call-backs (hub_appointments.cpp)
    // Refuse (and return false / nothing) when the service is not in force, or the kiosk has no office.
    bool serviceInForce(PeerSession &kiosk, const QString &serviceId, const signalling::Message &message);
    std::optional<store::OfficeRecord> officeForAppointments(
        PeerSession &kiosk, const QString &serviceId, const signalling::Message &message);
    void handleSlotsRequest(PeerSession &kiosk, const signalling::Message &message);
    void handleBook(PeerSession &kiosk, const signalling::Message &message);
    void handleCheckIn(PeerSession &kiosk, const signalling::Message &message);
    void handleCallbackRequest(PeerSession &kiosk, const signalling::Message &message);
    void handleTaskUpdate(PeerSession &advisor, const signalling::Message &message);
    // cases, transfers, surveys (hub_cases.cpp)
    void handleTransfer(PeerSession &advisor, const signalling::Message &message);
    void handleCaseUpdate(PeerSession &advisor, const signalling::Message &message);
    void handleSurvey(PeerSession &kiosk, const signalling::Message &message);
    // The call's case, opened on its first answer; returns its id.
    qint64 caseFor(ActiveCall &call, const PeerSession &advisor);
    void sendCase(const QString &peerId, qint64 caseId);
    // statistics (hub_statistics.cpp)
    void handleStatsRequest(PeerSession &advisor, const signalling::Message &message);
    // Ties a call to its appointment: ranked at the head of the queue from the appointment's time.
    void holdAppointment(ActiveCall &call, const store::AppointmentRecord &appointment);
    // The call-backs to do, to every online advisor (or only to one).
    void sendTasks(const QString &onlyPeer = {});
    // Appointments never checked in become no-shows once their time is well past.
    void recordNoShows();
    // Puts a call in the waiting line at the place its rank gives it.
    void enqueue(ActiveCall &call);
    void ringTimedOut(const QString &callId);
    // Ends a call for both parties; with nextCallId the kiosk learns it continues as that call.
    void endCall(
        const QString &callId, const QString &reason, const QString &endedByPeer, const QString &nextCallId = {});
    // Tells waiting kiosks their place and estimate when either changed (only one call's
    // kiosk with onlyCallId: a newcomer learns its place at once, the rest are coalesced).
    void sendQueuePositions(const QString &onlyCallId = {});
    ActiveCall *callFor(PeerSession &session, const QString &callId);

    HubConfig m_config;
    store::Store m_store;
    signalling::SignallingServer m_server;
    QHash<QString, std::shared_ptr<PeerSession>> m_sessions; // by peer id
    QHash<quint64, QString> m_peerByLink; // link id -> peer id
    QSet<quint64> m_pendingLogins; // links whose advisor password is being checked
    std::unordered_map<QString, std::unique_ptr<ActiveCall>> m_calls; // by call id
    std::deque<QString> m_waiting; // call ids, first come first served
    std::optional<Charter> m_charter;
    qint64 m_charterId = 0; // charter_versions.id of m_charter
    QTimer m_charterWatch;
    QTimer m_officeWatch; // office hours change with the clock
    QTimer m_dispatchTick;
    QTimer m_positionsTimer; // coalesces queue-position updates after offers
    QTimer m_retentionWatch; // personal data past the retention period is erased hourly // while citizens wait:
                             // overflow and decline exclusions expire with time
    Router m_router;
    qint64 m_restartSettledAtMs = 0; // until then, restored citizens not yet back hold the line
    QHash<QString, HandlingTimes> m_handling; // by service: recent talk + wrap-up times
};

} // namespace ventanilla::hub
