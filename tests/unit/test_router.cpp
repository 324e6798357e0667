// Routing: each strategy picks the advisor it promises, skills and levels are respected,
// overflow waits its turn, declines are honoured, and nobody unfit is ever offered a call.
#include "test_support.h"

#include "ventanilla/hub/router.h"

#include <catch2/catch.hpp>

#include <QRandomGenerator>

using namespace ventanilla::hub;

namespace {

RoutingAdvisor advisor(const char *id, QHash<QString, int> skills, qint64 availableSinceMs, int callsToday = 0)
{
    return {QString::fromLatin1(id), std::move(skills), availableSinceMs, callsToday};
}

RoutingCall call(RoutingStrategy strategy, const char *skill = "padron", int overflow_s = 0)
{
    return {QString::fromLatin1(skill), strategy, overflow_s, 0, {}};
}

const QString kPadron = QStringLiteral("padron");
const QString kAyudas = QStringLiteral("ayudas");

} // namespace

TEST_CASE("longest-idle picks who has waited longest for a citizen", "[router]")
{
    Router router;
    const QList<RoutingAdvisor> free{advisor("ana", {{kPadron, 1}}, 3000), advisor("luis", {{kPadron, 1}}, 1000),
        advisor("eva", {{kPadron, 1}}, 2000)};
    CHECK(router.pick(call(RoutingStrategy::LongestIdle), free, 5000) == QStringLiteral("luis"));
}

TEST_CASE("fewest-calls evens out the day, then longest idle", "[router]")
{
    Router router;
    const QList<RoutingAdvisor> free{advisor("ana", {{kPadron, 1}}, 1000, 7), advisor("luis", {{kPadron, 1}}, 3000, 2),
        advisor("eva", {{kPadron, 1}}, 2000, 2)};
    CHECK(router.pick(call(RoutingStrategy::FewestCalls), free, 5000) == QStringLiteral("eva"));
}

TEST_CASE("round-robin goes round in a fixed order, per skill", "[router]")
{
    Router router;
    const QList<RoutingAdvisor> free{advisor("ana", {{kPadron, 1}}, 3000), advisor("eva", {{kPadron, 1}}, 1000),
        advisor("luis", {{kPadron, 1}}, 2000)};
    QStringList order;
    for (int i = 0; i < 4; ++i) {
        const auto picked = router.pick(call(RoutingStrategy::RoundRobin), free, 5000);
        REQUIRE(picked);
        order << *picked;
        router.offered(kPadron, *picked);
    }
    CHECK(order
        == QStringList{QStringLiteral("ana"), QStringLiteral("eva"), QStringLiteral("luis"), QStringLiteral("ana")});
}

TEST_CASE("skill-level tries the lowest level first, like call-centre tiers", "[router]")
{
    Router router;
    const QList<RoutingAdvisor> free{advisor("ana", {{kPadron, 3}}, 1000), advisor("luis", {{kPadron, 1}}, 4000),
        advisor("eva", {{kPadron, 1}}, 2000)};
    CHECK(router.pick(call(RoutingStrategy::SkillLevel), free, 5000) == QStringLiteral("eva"));
}

TEST_CASE("only advisors with the skill are offered the call, until it overflows", "[router]")
{
    Router router;
    const QList<RoutingAdvisor> free{advisor("ana", {{kAyudas, 1}}, 1000)};
    RoutingCall padron = call(RoutingStrategy::LongestIdle, "padron", 60);
    padron.waitingSinceMs = 10000;
    CHECK_FALSE(router.pick(padron, free, 10000 + 59000).has_value());
    CHECK(router.pick(padron, free, 10000 + 60000) == QStringLiteral("ana")); // waited 60 s: the wider group

    // With a skilled advisor free, overflow advisors are not used even after the wait.
    QList<RoutingAdvisor> both = free;
    both.append(advisor("luis", {{kPadron, 5}}, 9000));
    CHECK(router.pick(padron, both, 10000 + 120000) == QStringLiteral("luis"));
    // And a call that never overflows waits for its skill.
    CHECK_FALSE(router.pick(call(RoutingStrategy::LongestIdle, "padron", 0), free, 1'000'000).has_value());
}

TEST_CASE("an advisor with no skills set takes any service", "[router]")
{
    Router router;
    CHECK(router.pick(call(RoutingStrategy::SkillLevel, "sede"), {advisor("ana", {}, 1000)}, 5000)
        == QStringLiteral("ana"));
}

TEST_CASE("a decline keeps the advisor out of that call for a while", "[router]")
{
    Router router;
    RoutingCall padron = call(RoutingStrategy::LongestIdle);
    padron.declinedUntilMs.insert(QStringLiteral("luis"), 8000);
    const QList<RoutingAdvisor> free{advisor("luis", {{kPadron, 1}}, 1000), advisor("ana", {{kPadron, 1}}, 2000)};
    CHECK(router.pick(padron, free, 5000) == QStringLiteral("ana"));
    CHECK(router.pick(padron, {free.first()}, 5000) == std::nullopt);
    CHECK(router.pick(padron, {free.first()}, 8000) == QStringLiteral("luis"));
}

TEST_CASE("random advisors and calls: never an unfit pick, never a refusal when someone fits", "[router][property]")
{
    auto *random = QRandomGenerator::global();
    const QStringList skills{QStringLiteral("padron"), QStringLiteral("ayudas"), QStringLiteral("registro")};
    Router router;
    for (int round = 0; round < 2000; ++round) {
        QList<RoutingAdvisor> free;
        const int advisors = static_cast<int>(random->bounded(6));
        for (int i = 0; i < advisors; ++i) {
            QHash<QString, int> own;
            for (const QString &skill : skills)
                if (random->bounded(2))
                    own.insert(skill, 1 + static_cast<int>(random->bounded(9)));
            free.append(
                {QStringLiteral("a%1").arg(i), own, random->bounded(10000), static_cast<int>(random->bounded(10))});
        }
        RoutingCall c{skills[static_cast<int>(random->bounded(3))],
            static_cast<RoutingStrategy>(1 + random->bounded(4)), static_cast<int>(random->bounded(2)) * 30, 0, {}};
        const qint64 now = random->bounded(60000);
        const auto picked = router.pick(c, free, now);
        const bool overflowed = c.overflowAfter_s > 0 && now >= c.overflowAfter_s * 1000;
        const bool someoneFits = std::any_of(free.cbegin(), free.cend(),
            [&](const RoutingAdvisor &a) { return a.skills.isEmpty() || a.skills.contains(c.skill) || overflowed; });
        CHECK(picked.has_value() == someoneFits);
        if (picked) {
            const auto it = std::find_if(
                free.cbegin(), free.cend(), [&](const RoutingAdvisor &a) { return a.peerId == *picked; });
            REQUIRE(it != free.cend());
            CHECK((it->skills.isEmpty() || it->skills.contains(c.skill) || overflowed));
            router.offered(c.skill, *picked);
        }
    }
}
