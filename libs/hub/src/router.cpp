// Routing strategies: longest idle, fewest calls, round robin, skill level; overflow.
#include "ventanilla/hub/router.h"

#include <QStringList>

#include <algorithm>

namespace ventanilla::hub {
namespace {

struct StrategyName {
    RoutingStrategy strategy;
    const char *id;
};
const StrategyName kStrategies[]
    = {{RoutingStrategy::LongestIdle, "longest-idle"}, {RoutingStrategy::FewestCalls, "fewest-calls"},
        {RoutingStrategy::RoundRobin, "round-robin"}, {RoutingStrategy::SkillLevel, "skill-level"}};

// An advisor's level for a call: their level for its skill, a generalist's middle level, or,
// once the call has waited long enough to overflow, a level below every skilled advisor.
std::optional<int> levelFor(const RoutingCall &call, const RoutingAdvisor &advisor, qint64 nowMs)
{
    if (advisor.skills.isEmpty())
        return (kBestLevel + kWorstLevel) / 2;
    if (const auto it = advisor.skills.constFind(call.skill); it != advisor.skills.constEnd())
        return *it;
    if (call.overflowAfter_s > 0 && nowMs - call.waitingSinceMs >= qint64(call.overflowAfter_s) * 1000)
        return kWorstLevel + 1;
    return std::nullopt;
}

} // namespace

QString strategyId(RoutingStrategy strategy)
{
    for (const auto &entry : kStrategies)
        if (entry.strategy == strategy)
            return QString::fromLatin1(entry.id);
    return QStringLiteral("unknown");
}

RoutingStrategy strategyFromId(const QString &id)
{
    for (const auto &entry : kStrategies)
        if (id == QLatin1String(entry.id))
            return entry.strategy;
    return RoutingStrategy::Unknown;
}

QStringList strategyIds()
{
    QStringList ids;
    for (const auto &entry : kStrategies)
        ids << QString::fromLatin1(entry.id);
    return ids;
}

std::optional<QString> Router::pick(const RoutingCall &call, const QList<RoutingAdvisor> &available, qint64 nowMs) const
{
    struct Candidate {
        const RoutingAdvisor *advisor;
        int level;
    };
    QList<Candidate> candidates;
    for (const RoutingAdvisor &advisor : available) {
        if (call.declinedUntilMs.value(advisor.peerId, 0) > nowMs)
            continue;
        if (!call.onlyAdvisor.isEmpty()) {
            if (advisor.peerId == call.onlyAdvisor)
                candidates.append({&advisor, kBestLevel});
            continue;
        }
        if (const auto level = levelFor(call, advisor, nowMs))
            candidates.append({&advisor, *level});
    }
    if (candidates.isEmpty())
        return std::nullopt;

    // Overflow advisors are used only when no advisor with the skill is free.
    const int bestLevel
        = std::min_element(candidates.cbegin(), candidates.cend(), [](const Candidate &a, const Candidate &b) {
              return a.level < b.level;
          })->level;
    if (bestLevel <= kWorstLevel)
        candidates.removeIf([](const Candidate &c) { return c.level > kWorstLevel; });

    const auto longestIdle = [](const Candidate &a, const Candidate &b) {
        return a.advisor->availableSinceMs != b.advisor->availableSinceMs
            ? a.advisor->availableSinceMs < b.advisor->availableSinceMs
            : a.advisor->peerId < b.advisor->peerId;
    };
    switch (call.strategy) {
    case RoutingStrategy::FewestCalls:
        return std::min_element(candidates.cbegin(), candidates.cend(), [&](const Candidate &a, const Candidate &b) {
            return a.advisor->callsToday != b.advisor->callsToday ? a.advisor->callsToday < b.advisor->callsToday
                                                                  : longestIdle(a, b);
        })->advisor->peerId;
    case RoutingStrategy::SkillLevel:
        return std::min_element(candidates.cbegin(), candidates.cend(), [&](const Candidate &a, const Candidate &b) {
            return a.level != b.level ? a.level < b.level : longestIdle(a, b);
        })->advisor->peerId;
    case RoutingStrategy::RoundRobin: {
        // The next advisor after the one offered last, in a fixed order (by id), wrapping.
        std::sort(candidates.begin(), candidates.end(),
            [](const Candidate &a, const Candidate &b) { return a.advisor->peerId < b.advisor->peerId; });
        const QString last = m_lastOffered.value(call.skill);
        const auto next = std::find_if(
            candidates.cbegin(), candidates.cend(), [&](const Candidate &c) { return c.advisor->peerId > last; });
        return (next != candidates.cend() ? next : candidates.cbegin())->advisor->peerId;
    }
    case RoutingStrategy::LongestIdle:
    case RoutingStrategy::Unknown:
        break;
    }
    return std::min_element(candidates.cbegin(), candidates.cend(), longestIdle)->advisor->peerId;
}

} // namespace ventanilla::hub
