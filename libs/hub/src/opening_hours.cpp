// Parsing and evaluating weekly office timetables with holidays and time zones.
#include "ventanilla/hub/opening_hours.h"

#include <QRegularExpression>
#include <QStringList>

namespace ventanilla::hub {
namespace {

const QStringList kDayNames{QStringLiteral("mon"), QStringLiteral("tue"), QStringLiteral("wed"), QStringLiteral("thu"),
    QStringLiteral("fri"), QStringLiteral("sat"), QStringLiteral("sun")};

// Days named by one group: "mon", "mon-fri", "sat,sun", "fri-mon" (wrapping).
std::optional<QList<int>> parseDays(const QString &text)
{
    QList<int> days;
    for (const QString &part : text.split(QLatin1Char(','))) {
        const QStringList ends = part.split(QLatin1Char('-'));
        const int first = kDayNames.indexOf(ends.value(0).trimmed());
        const int last = ends.size() == 2 ? kDayNames.indexOf(ends.value(1).trimmed()) : first;
        if (first < 0 || last < 0 || ends.size() > 2)
            return std::nullopt;
        for (int day = first;; day = (day + 1) % 7) {
            if (!days.contains(day))
                days << day;
            if (day == last)
                break;
        }
    }
    return days;
}

QDateTime at(const QDate &date, const QTime &time, const QTimeZone &zone)
{
    return QDateTime(date, time, zone);
}

} // namespace

Result<OpeningHours> OpeningHours::parse(const QString &text, const QTimeZone &zone)
{
    if (!zone.isValid())
        return failure(QStringLiteral("unknown time zone"));
    OpeningHours hours;
    hours.m_zone = zone;
    static const QRegularExpression interval(QStringLiteral("^(\\d{2}:\\d{2})-(\\d{2}:\\d{2})$"));
    for (const QString &rawGroup : text.split(QLatin1Char(';'), Qt::SkipEmptyParts)) {
        const QStringList words = rawGroup.simplified().split(QLatin1Char(' '), Qt::SkipEmptyParts);
        if (words.isEmpty())
            continue;
        const auto days = parseDays(words.first().toLower());
        if (!days)
            return failure(
                QStringLiteral("\"%1\" does not name days (use mon tue wed thu fri sat sun, mon-fri, sat,sun)")
                    .arg(words.first()));
        if (words.size() < 2)
            return failure(QStringLiteral("\"%1\" gives no hours (like 09:00-14:00)").arg(rawGroup.trimmed()));
        for (const QString &word : words.mid(1)) {
            const auto match = interval.match(word);
            const QTime opens = QTime::fromString(match.captured(1), QStringLiteral("HH:mm"));
            QTime closes = match.captured(2) == QLatin1String("24:00")
                ? QTime(23, 59)
                : QTime::fromString(match.captured(2), QStringLiteral("HH:mm"));
            if (!match.hasMatch() || !opens.isValid() || !closes.isValid() || closes <= opens)
                return failure(
                    QStringLiteral("\"%1\" is not an interval like 09:00-14:00 that ends after it starts").arg(word));
            for (int day : *days) {
                for (const OpenInterval &other : hours.m_days[day]) {
                    if (opens < other.closes && other.opens < closes)
                        return failure(QStringLiteral("%1 overlaps another interval on %2").arg(word, kDayNames[day]));
                }
                hours.m_days[day].append({opens, closes});
            }
        }
    }
    for (auto &intervals : hours.m_days)
        std::sort(intervals.begin(), intervals.end(),
            [](const OpenInterval &a, const OpenInterval &b) { return a.opens < b.opens; });
    return hours;
}

OfficeStatus OpeningHours::statusAt(const QDateTime &when) const
{
    const QDateTime local = when.toTimeZone(m_zone);
    OfficeStatus status;
    for (int offset = 0; offset <= 14; ++offset) {
        const QDate date = local.date().addDays(offset);
        if (m_holidays.contains(date))
            continue;
        for (const OpenInterval &interval : m_days[date.dayOfWeek() - 1]) {
            const QDateTime opens = at(date, interval.opens, m_zone);
            const QDateTime closes = at(date, interval.closes, m_zone);
            if (opens <= local && local < closes) {
                status.open = true;
                status.closesAt = closes;
                return status;
            }
            if (opens > local) {
                status.nextOpensAt = opens;
                return status;
            }
        }
    }
    return status;
}

QList<std::pair<QDateTime, QDateTime>> OpeningHours::openIntervalsOn(const QDate &date) const
{
    QList<std::pair<QDateTime, QDateTime>> result;
    if (m_holidays.contains(date))
        return result;
    for (const OpenInterval &interval : m_days[date.dayOfWeek() - 1])
        result.append({at(date, interval.opens, m_zone), at(date, interval.closes, m_zone)});
    return result;
}

QString OpeningHours::toString() const
{
    const auto intervals = [this](int day) {
        QStringList parts;
        for (const OpenInterval &interval : m_days[day])
            parts << interval.opens.toString(QStringLiteral("HH:mm")) + QLatin1Char('-')
                    + interval.closes.toString(QStringLiteral("HH:mm"));
        return parts.join(QLatin1Char(' '));
    };
    // Consecutive days with the same hours are written as one range: "mon-fri 09:00-14:00".
    QStringList groups;
    for (int first = 0; first < 7;) {
        int last = first;
        while (last + 1 < 7 && intervals(last + 1) == intervals(first))
            ++last;
        if (!m_days[first].isEmpty()) {
            const QString days
                = first == last ? kDayNames[first] : kDayNames[first] + QLatin1Char('-') + kDayNames[last];
            groups << days + QLatin1Char(' ') + intervals(first);
        }
        first = last + 1;
    }
    return groups.join(QStringLiteral("; "));
}

} // namespace ventanilla::hub
