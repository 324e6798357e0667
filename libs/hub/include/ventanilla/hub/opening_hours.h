// When a municipal office is open: a weekly timetable written the way a notice board says
// it ("mon-fri 09:00-14:00 16:00-19:00; sat-sun 10:00-13:00"), minus holidays, in the
// office's own time zone. Every day of the week can be open.
#pragma once

#include "ventanilla/core/result.h"

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QSet>
#include <QTime>
#include <QTimeZone>

#include <array>
#include <optional>

namespace ventanilla::hub {

struct OpenInterval {
    QTime opens;
    QTime closes; // after opens; 24:00 is written as 23:59
};

struct OfficeStatus {
    bool open = false;
    QDateTime closesAt; // when open: the end of the current interval
    QDateTime nextOpensAt; // when closed: the start of the next interval (invalid if none in 14 days)
};

class OpeningHours {
public:
    // Parses a timetable. Days: mon tue wed thu fri sat sun, alone, as ranges (mon-fri) or
    // comma lists (mon,wed); each group followed by one or more HH:MM-HH:MM intervals;
    // groups separated by ';'. An empty text means never open.
    static Result<OpeningHours> parse(const QString &text, const QTimeZone &zone = QTimeZone("Europe/Madrid"));

    void setHolidays(QSet<QDate> holidays) { m_holidays = std::move(holidays); }
    // The status at an instant; looks up to 14 days ahead for the next opening.
    OfficeStatus statusAt(const QDateTime &when) const;
    // The open intervals of one local date (none on a holiday), as instants in the zone.
    QList<std::pair<QDateTime, QDateTime>> openIntervalsOn(const QDate &date) const;
    // The timetable written back in its canonical form.
    QString toString() const;
    const QTimeZone &zone() const { return m_zone; }

private:
    std::array<QList<OpenInterval>, 7> m_days; // Monday first
    QSet<QDate> m_holidays;
    QTimeZone m_zone;
};

} // namespace ventanilla::hub
