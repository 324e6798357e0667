// Property tests of the queue through the real hub over TLS: random arrivals, departures,
// answers, hang-ups and advisors coming and going, then a drain. Whatever the sequence: no
// citizen is served twice, none is lost, and nobody is offered ahead of someone of higher
// or equal rank who was waiting (rank = arrival, earlier by the boost for preferred attention).
#include "hub_fixture.h"
#include "raw_client.h"

#include "ventanilla/hub/admin.h"

#include <QRandomGenerator>

#include <map>

using namespace ventanilla;
using namespace ventanilla::signalling;
using test::RawClient;

namespace {

constexpr int kKiosks = 6;
constexpr int kAdvisors = 3;
const QString kPassword = QStringLiteral("a long enough password");

struct Party {
    std::unique_ptr<RawClient> client;
    QString callId; // kiosk: waiting or talking; advisor: ringing or talking
    bool talking = false;
    bool available = false; // advisors
};

QString type(const QJsonObject &message)
{
    return message.value(QStringLiteral("type")).toString();
}

} // namespace

TEST_CASE(
    "random arrivals, departures and answers: nobody served twice, nobody lost, order kept", "[hub][queue][property]")
{
    const auto seed = GENERATE(11u, 29u, 4242u);
    INFO("seed " << seed);
    QRandomGenerator random(seed);
    test::HubFixture fixture;
    std::vector<Party> kiosks(kKiosks), advisors(kAdvisors);
    for (int i = 0; i < kKiosks; ++i) {
        const auto config = fixture.addKiosk(QStringLiteral("k%1").arg(i), QStringLiteral("Town %1").arg(i));
        kiosks[i].client = std::make_unique<RawClient>(fixture);
        kiosks[i].client->send(makeMessage(MessageType::Hello,
            {{QStringLiteral("role"), QStringLiteral("kiosk")}, {QStringLiteral("site_id"), config.siteId},
                {QStringLiteral("credential"), config.credential}}));
    }
    for (int i = 0; i < kAdvisors; ++i) {
        REQUIRE_OK(hub::admin::addAdvisor(
            fixture.store(), QStringLiteral("a%1").arg(i), QStringLiteral("A%1").arg(i), kPassword));
        advisors[i].client = std::make_unique<RawClient>(fixture);
        advisors[i].client->send(makeMessage(MessageType::Hello,
            {{QStringLiteral("role"), QStringLiteral("advisor")},
                {QStringLiteral("user"), QStringLiteral("a%1").arg(i)}, {QStringLiteral("password"), kPassword}}));
    }
    std::map<QString, int> startsPerCall; // call-start messages advisors got, per call
    QSet<QString> queued; // every call a kiosk was told it is queued for
    QSet<QString> abandonedByKiosk;

    // Applies what the hub said to the parties' states.
    const auto absorb = [&] {
        test::spin(15);
        for (Party &kiosk : kiosks) {
            for (const QJsonObject &message : kiosk.client->takeAll()) {
                const QString callId = message.value(QStringLiteral("call_id")).toString();
                if (type(message) == QLatin1String("call-queued")) {
                    kiosk.callId = callId;
                    queued.insert(callId);
                } else if (type(message) == QLatin1String("call-start")) {
                    kiosk.callId = callId;
                    kiosk.talking = true;
                } else if (type(message) == QLatin1String("call-ended") && callId == kiosk.callId) {
                    kiosk.callId.clear();
                    kiosk.talking = false;
                }
            }
        }
        for (Party &advisor : advisors) {
            for (const QJsonObject &message : advisor.client->takeAll()) {
                const QString callId = message.value(QStringLiteral("call_id")).toString();
                if (type(message) == QLatin1String("call-offer")) {
                    advisor.callId = callId;
                } else if (type(message) == QLatin1String("call-start")) {
                    advisor.talking = true;
                    ++startsPerCall[callId];
                } else if (type(message) == QLatin1String("call-ended") && callId == advisor.callId) {
                    advisor.callId.clear();
                    advisor.talking = false;
                }
            }
        }
    };
    const auto send = [](Party &party, MessageType messageType, const QJsonObject &fields) {
        party.client->send(makeMessage(messageType, fields));
    };
    absorb();

    for (int step = 0; step < 160; ++step) {
        const int who = static_cast<int>(random.bounded(kKiosks + kAdvisors));
        if (who < kKiosks) {
            Party &kiosk = kiosks[who];
            if (kiosk.callId.isEmpty()) {
                send(kiosk, MessageType::CallRequest,
                    {{QStringLiteral("service"), QStringLiteral("general")},
                        {QStringLiteral("priority"),
                            random.bounded(5) == 0 ? QStringLiteral("preferred") : QStringLiteral("normal")}});
            } else if (random.bounded(3) == 0) {
                if (!kiosk.talking)
                    abandonedByKiosk.insert(kiosk.callId);
                send(kiosk, MessageType::Hangup,
                    {{QStringLiteral("call_id"), kiosk.callId},
                        {QStringLiteral("reason"), QStringLiteral("abandoned")}});
            }
        } else {
            Party &advisor = advisors[who - kKiosks];
            if (!advisor.callId.isEmpty() && !advisor.talking) {
                send(advisor, MessageType::CallAccept, {{QStringLiteral("call_id"), advisor.callId}});
            } else if (advisor.talking && random.bounded(2) == 0) {
                send(advisor, MessageType::Hangup, {{QStringLiteral("call_id"), advisor.callId}});
            } else if (advisor.callId.isEmpty()) {
                advisor.available = !advisor.available || random.bounded(4) != 0;
                send(advisor, MessageType::AdvisorState,
                    {{QStringLiteral("state"),
                        advisor.available ? QStringLiteral("available") : QStringLiteral("away")}});
            }
        }
        absorb();
    }

    // Drain: everyone available, every offer answered, every conversation hung up.
    for (Party &advisor : advisors)
        send(advisor, MessageType::AdvisorState, {{QStringLiteral("state"), QStringLiteral("available")}});
    for (int round = 0; round < 200; ++round) {
        absorb();
        bool busy = fixture.hub().waitingCallCount() > 0;
        for (Party &advisor : advisors) {
            if (advisor.callId.isEmpty())
                continue;
            busy = true;
            if (!advisor.talking)
                send(advisor, MessageType::CallAccept, {{QStringLiteral("call_id"), advisor.callId}});
            else
                send(advisor, MessageType::Hangup, {{QStringLiteral("call_id"), advisor.callId}});
        }
        if (!busy)
            break;
    }
    absorb();
    REQUIRE(fixture.hub().waitingCallCount() == 0);

    // Nobody served twice; nobody lost: every queued call ended, answered or left by its kiosk.
    const auto calls = fixture.store().recentCalls(100000);
    CHECK(calls.size() == queued.size());
    CHECK(queued.size() > 20);
    int answered = 0;
    for (const store::CallRecord &call : calls) {
        INFO("call " << call.id.toStdString() << " ended " << call.endReason.toStdString());
        CHECK(queued.contains(call.id));
        CHECK(call.endedAtMs.has_value());
        CHECK(startsPerCall[call.id] <= 1);
        if (call.answeredAtMs) {
            ++answered;
            CHECK(startsPerCall[call.id] == 1);
        } else {
            CHECK(abandonedByKiosk.contains(call.id));
        }
    }
    CHECK(answered > 5);

    // Order: when a call was offered, every call of better rank present then had been offered.
    const qint64 boost_ms = 300 * 1000;
    const auto rank
        = [&](const store::CallRecord &call) { return call.requestedAtMs - (call.preferred ? boost_ms : 0); };
    int comparisons = 0;
    for (const store::CallRecord &later : calls) {
        if (!later.offeredAtMs)
            continue;
        const qint64 at = *later.offeredAtMs;
        for (const store::CallRecord &earlier : calls) {
            const bool better = rank(earlier) < rank(later);
            const bool present = earlier.requestedAtMs <= at && (!earlier.endedAtMs || *earlier.endedAtMs > at);
            if (!better || !present)
                continue;
            ++comparisons;
            INFO(earlier.id.toStdString() << " (rank " << rank(earlier) << ") waited while " << later.id.toStdString()
                                          << " (rank " << rank(later) << ") was offered");
            CHECK((earlier.offeredAtMs && *earlier.offeredAtMs <= at));
        }
    }
    CHECK(comparisons > 10); // the order was really put to the test
}
