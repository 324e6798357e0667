// Who takes the next citizen: picks an advisor for a waiting call by the service's strategy,
// its skill and the advisors' levels, with overflow to advisors without the skill after a
// wait. Pure logic over plain values, so every strategy is tested without a network.
#pragma once

#include <QHash>
#include <QList>
#include <QString>

#include <optional>

namespace ventanilla::hub {

enum class RoutingStrategy { Unknown = 0, LongestIdle, FewestCalls, RoundRobin, SkillLevel };

QString strategyId(RoutingStrategy strategy);
RoutingStrategy strategyFromId(const QString &id);
QStringList strategyIds();

// Skill levels as in mod_callcenter's tiers: 1 is tried first, 9 last.
inline constexpr int kBestLevel = 1;
inline constexpr int kWorstLevel = 9;

struct RoutingCall {
    QString skill;
    RoutingStrategy strategy = RoutingStrategy::LongestIdle;
    int overflowAfter_s = 0; // 0: never offered to advisors without the skill
    qint64 waitingSinceMs = 0;
    QHash<QString, qint64> declinedUntilMs; // advisor → not before
    QString onlyAdvisor; // a transfer to a named advisor: only they, skill or not
};

struct RoutingAdvisor {
    QString peerId;
    QHash<QString, int> skills; // skill → level; empty means a generalist who takes everything
    qint64 availableSinceMs = 0;
    int callsToday = 0;
};

class Router {
public:
    // The advisor to offer the call to now, among the available ones; none if nobody fits.
    std::optional<QString> pick(const RoutingCall &call, const QList<RoutingAdvisor> &available, qint64 nowMs) const;
    // Remembers who was offered a call of this skill last, for round-robin.
    void offered(const QString &skill, const QString &peerId) { m_lastOffered.insert(skill, peerId); }

private:
    QHash<QString, QString> m_lastOffered;
};

} // namespace ventanilla::hub
