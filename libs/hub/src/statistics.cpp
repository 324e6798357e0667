// Aggregates call facts and advisors' state changes into call-centre figures.
#include "ventanilla/hub/statistics.h"

#include <QJsonArray>

#include <map>
#include <variant>

namespace ventanilla::hub {
namespace {

const QList<std::pair<StatsKey, QString>> kKeyNames{{StatsKey::Service, QStringLiteral("service")},
    {StatsKey::Office, QStringLiteral("office")}, {StatsKey::Advisor, QStringLiteral("advisor")},
    {StatsKey::Day, QStringLiteral("day")}, {StatsKey::Hour, QStringLiteral("hour")}};

QString keyName(StatsKey key)
{
    for (const auto &[k, name] : kKeyNames) {
        if (k == key)
            return name;
    }
    return {};
}

constexpr qint64 kHour_ms = 3600 * 1000;

// Sums kept while reading; turned into a StatsRow at the end.
struct Accumulator {
    int offered = 0, answered = 0, abandoned = 0, callbacks = 0, within = 0;
    int slAnswered = 0, slAbandoned = 0; // calls whose commitment is known
    qint64 answerWait_ms = 0, abandonWait_ms = 0, maxWait_ms = 0;
    qint64 talk_ms = 0, wrapUp_ms = 0;
    int handled = 0; // answered and ended: have a talk time
    int commitment = -1; // -1 none seen, -2 several different
    qint64 loggedIn_ms = 0, busy_ms = 0;
    int surveys = 0, ratingSum = 0;
    int missedOffers = 0;

    void addCall(const store::CallFact &call)
    {
        ++offered;
        const bool knownCommitment = call.commitmentWithin_s > 0;
        if (knownCommitment)
            commitment = commitment == -1 || commitment == call.commitmentPercent ? call.commitmentPercent : -2;
        missedOffers += std::max(0, call.offers - (call.answeredAtMs ? 1 : 0));
        if (call.surveyRating) {
            ++surveys;
            ratingSum += *call.surveyRating;
        }
        if (call.answeredAtMs) {
            ++answered;
            const qint64 wait = *call.answeredAtMs - call.requestedAtMs;
            answerWait_ms += wait;
            maxWait_ms = std::max(maxWait_ms, wait);
            if (knownCommitment) {
                ++slAnswered;
                within += wait <= qint64(call.commitmentWithin_s) * 1000 ? 1 : 0;
            }
            if (call.endedAtMs) {
                ++handled;
                talk_ms += *call.endedAtMs - *call.answeredAtMs;
                if (call.wrapUpEndedAtMs)
                    wrapUp_ms += std::max<qint64>(0, *call.wrapUpEndedAtMs - *call.endedAtMs);
            }
        } else if (call.endedAtMs) {
            if (call.endReason == QLatin1String("callback")) {
                ++callbacks;
                return;
            }
            ++abandoned;
            const qint64 wait = *call.endedAtMs - call.requestedAtMs;
            abandonWait_ms += wait;
            maxWait_ms = std::max(maxWait_ms, wait);
            slAbandoned += knownCommitment ? 1 : 0;
        }
    }

    StatsRow row(QStringList key, bool withOccupancy) const
    {
        StatsRow row;
        row.key = std::move(key);
        row.offered = offered;
        row.answered = answered;
        row.abandoned = abandoned;
        row.callbacks = callbacks;
        row.answeredWithinCommitment = within;
        row.asa_s = answered ? answerWait_ms / 1000.0 / answered : 0;
        row.avgAbandon_s = abandoned ? abandonWait_ms / 1000.0 / abandoned : 0;
        row.maxWait_s = maxWait_ms / 1000;
        row.avgTalk_s = handled ? talk_ms / 1000.0 / handled : 0;
        row.avgWrapUp_s = handled ? wrapUp_ms / 1000.0 / handled : 0;
        row.aht_s = row.avgTalk_s + row.avgWrapUp_s;
        if (slAnswered + slAbandoned > 0)
            row.serviceLevelPercent = 100.0 * within / (slAnswered + slAbandoned);
        if (slAnswered > 0)
            row.serviceLevelAnsweredPercent = 100.0 * within / slAnswered;
        if (commitment >= 0) {
            row.commitmentPercent = commitment;
            if (row.serviceLevelPercent)
                row.meetsCommitment = *row.serviceLevelPercent >= commitment;
        }
        row.loggedIn_s = loggedIn_ms / 1000.0;
        row.busy_s = busy_ms / 1000.0;
        if (withOccupancy && loggedIn_ms > 0)
            row.occupancyPercent = 100.0 * busy_ms / loggedIn_ms;
        row.surveys = surveys;
        row.missedOffers = missedOffers;
        if (surveys > 0)
            row.averageRating = double(ratingSum) / surveys;
        return row;
    }
};

bool isBusy(const QString &state)
{
    return state == QLatin1String("offered") || state == QLatin1String("in-call") || state == QLatin1String("wrap-up");
}

} // namespace

Result<QList<StatsKey>> parseGrouping(const QString &text)
{
    QList<StatsKey> grouping;
    for (const QString &word : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        StatsKey found = StatsKey::Unknown;
        for (const auto &[key, name] : kKeyNames) {
            if (name == word.trimmed())
                found = key;
        }
        if (found == StatsKey::Unknown)
            return failure(QStringLiteral("\"%1\" is not a grouping; use service, office, advisor, day or hour, "
                                          "comma-separated")
                               .arg(word.trimmed()));
        if (grouping.contains(found))
            return failure(QStringLiteral("\"%1\" is given twice").arg(word.trimmed()));
        grouping << found;
    }
    return grouping;
}

StatsReport computeStatistics(const QList<store::CallFact> &calls, const QList<store::AdvisorStateChange> &states,
    const QList<StatsKey> &grouping, qint64 fromMs, qint64 toMs, qint64 nowMs, const QTimeZone &zone)
{
    const auto localTime = [&](qint64 ms) { return QDateTime::fromMSecsSinceEpoch(ms, zone); };
    const auto keyOf = [&](const QString &service, const QString &office, const QString &advisor, qint64 atMs) {
        QStringList key;
        for (StatsKey part : grouping) {
            switch (part) {
            case StatsKey::Service:
                key << service;
                break;
            case StatsKey::Office:
                key << (office.isEmpty() ? QStringLiteral("-") : office);
                break;
            case StatsKey::Advisor:
                key << (advisor.isEmpty() ? QStringLiteral("-") : advisor);
                break;
            case StatsKey::Day:
                key << localTime(atMs).date().toString(Qt::ISODate);
                break;
            case StatsKey::Hour:
                key << localTime(atMs).toString(QStringLiteral("HH"));
                break;
            default:
                break;
            }
        }
        return key;
    };
    std::map<QStringList, Accumulator> groups;
    Accumulator total;
    for (const store::CallFact &call : calls) {
        groups[keyOf(call.service, call.officeIne, call.advisor, call.requestedAtMs)].addCall(call);
        total.addCall(call);
    }

    // Occupancy: each advisor's time between state changes, cut at hour boundaries (whole-hour
    // zones such as Europe/Madrid share them with UTC) so days and hours get their own part.
    const bool withOccupancy = std::all_of(grouping.cbegin(), grouping.cend(),
        [](StatsKey key) { return key == StatsKey::Advisor || key == StatsKey::Day || key == StatsKey::Hour; });
    const qint64 endMs = std::min(toMs, nowMs);
    for (qsizetype i = 0; withOccupancy && i < states.size(); ++i) {
        const store::AdvisorStateChange &change = states[i];
        const bool last = i + 1 == states.size() || states[i + 1].advisor != change.advisor;
        qint64 start = std::max(change.atMs, fromMs);
        const qint64 stop = last ? endMs : std::min(states[i + 1].atMs, endMs);
        if (change.state == QLatin1String("offline"))
            continue;
        while (start < stop) {
            const qint64 pieceEnd = std::min(stop, (start / kHour_ms + 1) * kHour_ms);
            const qint64 length = pieceEnd - start;
            Accumulator &group = groups[keyOf({}, {}, change.advisor, start)];
            group.loggedIn_ms += length;
            total.loggedIn_ms += length;
            if (isBusy(change.state)) {
                group.busy_ms += length;
                total.busy_ms += length;
            }
            start = pieceEnd;
        }
    }

    StatsReport report;
    report.grouping = grouping;
    report.fromMs = fromMs;
    report.toMs = toMs;
    for (const auto &[key, sums] : groups) {
        if (!grouping.isEmpty()) // without grouping the total says it all
            report.rows.append(sums.row(key, withOccupancy));
    }
    report.total = total.row({}, true);
    return report;
}

StatsReport statistics(
    store::Store &store, const QList<StatsKey> &grouping, qint64 fromMs, qint64 toMs, const QTimeZone &zone)
{
    return computeStatistics(store.callFacts(fromMs, toMs), store.advisorStateChanges(fromMs, toMs), grouping, fromMs,
        toMs, store::nowMs(), zone);
}

namespace {

// A figure's value for one row: a count, a measure, a yes/no, or nothing when the figure is
// not defined for that row.
using FigureValue = std::variant<std::monostate, qint64, double, bool>;

template <typename T> FigureValue optionalValue(const std::optional<T> &value)
{
    if (!value)
        return {};
    if constexpr (std::is_same_v<T, int>)
        return qint64(*value);
    else
        return *value;
}

// Every figure once, in column order: its name (CSV column, JSON key) and its value.
struct Figure {
    const char *name;
    FigureValue (*value)(const StatsRow &row);
};
const Figure kFigures[] = {
    {"offered", [](const StatsRow &r) -> FigureValue { return qint64(r.offered); }},
    {"answered", [](const StatsRow &r) -> FigureValue { return qint64(r.answered); }},
    {"abandoned", [](const StatsRow &r) -> FigureValue { return qint64(r.abandoned); }},
    {"callbacks", [](const StatsRow &r) -> FigureValue { return qint64(r.callbacks); }},
    {"asa_s", [](const StatsRow &r) -> FigureValue { return r.asa_s; }},
    {"avg_abandon_s", [](const StatsRow &r) -> FigureValue { return r.avgAbandon_s; }},
    {"max_wait_s", [](const StatsRow &r) -> FigureValue { return r.maxWait_s; }},
    {"service_level_pct", [](const StatsRow &r) { return optionalValue(r.serviceLevelPercent); }},
    {"service_level_answered_pct", [](const StatsRow &r) { return optionalValue(r.serviceLevelAnsweredPercent); }},
    {"commitment_pct", [](const StatsRow &r) { return optionalValue(r.commitmentPercent); }},
    {"meets_commitment", [](const StatsRow &r) { return optionalValue(r.meetsCommitment); }},
    {"avg_talk_s", [](const StatsRow &r) -> FigureValue { return r.avgTalk_s; }},
    {"avg_wrap_up_s", [](const StatsRow &r) -> FigureValue { return r.avgWrapUp_s; }},
    {"aht_s", [](const StatsRow &r) -> FigureValue { return r.aht_s; }},
    {"logged_in_s", [](const StatsRow &r) -> FigureValue { return r.loggedIn_s; }},
    {"busy_s", [](const StatsRow &r) -> FigureValue { return r.busy_s; }},
    {"occupancy_pct", [](const StatsRow &r) { return optionalValue(r.occupancyPercent); }},
    {"surveys", [](const StatsRow &r) -> FigureValue { return qint64(r.surveys); }},
    {"avg_rating", [](const StatsRow &r) { return optionalValue(r.averageRating); }},
    {"missed_offers", [](const StatsRow &r) -> FigureValue { return qint64(r.missedOffers); }},
};

QString figureText(const FigureValue &value)
{
    if (const auto *count = std::get_if<qint64>(&value))
        return QString::number(*count);
    if (const auto *measure = std::get_if<double>(&value))
        return QString::number(*measure, 'f', 1);
    if (const auto *yes = std::get_if<bool>(&value))
        return *yes ? QStringLiteral("yes") : QStringLiteral("no");
    return {};
}

QStringList figureNames()
{
    QStringList names;
    for (const Figure &figure : kFigures)
        names << QString::fromLatin1(figure.name);
    return names;
}

QStringList figures(const StatsRow &row)
{
    QStringList texts;
    for (const Figure &figure : kFigures)
        texts << figureText(figure.value(row));
    return texts;
}

QString csvField(const QString &text)
{
    if (!text.contains(QLatin1Char(',')) && !text.contains(QLatin1Char('"')) && !text.contains(QLatin1Char('\n')))
        return text;
    return QLatin1Char('"') + QString(text).replace(QStringLiteral("\""), QStringLiteral("\"\"")) + QLatin1Char('"');
}

QJsonObject rowJson(const StatsRow &row, const QList<StatsKey> &grouping)
{
    QJsonObject object;
    QJsonObject key;
    for (qsizetype i = 0; i < grouping.size() && i < row.key.size(); ++i)
        key.insert(keyName(grouping[i]), row.key[i]);
    object.insert(QStringLiteral("key"), key);
    for (const Figure &figure : kFigures) {
        const FigureValue value = figure.value(row);
        const QString name = QString::fromLatin1(figure.name);
        if (const auto *count = std::get_if<qint64>(&value))
            object.insert(name, *count);
        else if (const auto *measure = std::get_if<double>(&value))
            object.insert(name, *measure);
        else if (const auto *yes = std::get_if<bool>(&value))
            object.insert(name, *yes);
        // nothing: not defined for this row
    }
    return object;
}

} // namespace

QString statsCsv(const StatsReport &report)
{
    QStringList header;
    for (StatsKey key : report.grouping)
        header << keyName(key);
    QStringList lines{(header + figureNames()).join(QLatin1Char(','))};
    for (const StatsRow &row : report.rows) {
        QStringList fields;
        for (const QString &part : row.key)
            fields << csvField(part);
        lines << (fields + figures(row)).join(QLatin1Char(','));
    }
    QStringList total(report.grouping.size(), QString());
    if (!total.isEmpty())
        total[0] = QStringLiteral("TOTAL");
    lines << (total + figures(report.total)).join(QLatin1Char(','));
    return lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

QJsonObject statsJson(const StatsReport &report)
{
    QJsonArray grouping;
    for (StatsKey key : report.grouping)
        grouping.append(keyName(key));
    QJsonArray rows;
    for (const StatsRow &row : report.rows)
        rows.append(rowJson(row, report.grouping));
    return {{QStringLiteral("from_ms"), report.fromMs}, {QStringLiteral("to_ms"), report.toMs},
        {QStringLiteral("group_by"), grouping}, {QStringLiteral("rows"), rows},
        {QStringLiteral("total"), rowJson(report.total, report.grouping)}};
}

} // namespace ventanilla::hub
