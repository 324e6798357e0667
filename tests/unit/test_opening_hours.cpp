// Office timetables: parsing as written on a notice board, and open/closed/next-opening at
// any instant, across holidays, week ends, daylight-saving changes and time zones.
#include "test_support.h"

#include "ventanilla/hub/opening_hours.h"

#include <catch2/catch.hpp>

using namespace ventanilla;
using hub::OpeningHours;

namespace {

const QTimeZone kMadrid("Europe/Madrid");

QDateTime madrid(int year, int month, int day, int hour, int minute = 0)
{
    return QDateTime(QDate(year, month, day), QTime(hour, minute), kMadrid);
}

OpeningHours parse(const QString &text)
{
    auto hours = OpeningHours::parse(text, kMadrid);
    if (!hours.ok())
        FAIL(hours.error().toStdString());
    return *hours;
}

} // namespace

TEST_CASE("timetables parse as written on a notice board", "[hours]")
{
    CHECK(parse(QStringLiteral("mon-fri 09:00-14:00 16:00-19:00; sat-sun 10:00-13:00")).toString()
        == QStringLiteral("mon-fri 09:00-14:00 16:00-19:00; sat-sun 10:00-13:00"));
    CHECK(parse(QStringLiteral("sat,sun 10:00-12:00")).toString() == QStringLiteral("sat-sun 10:00-12:00"));
    CHECK(parse(QStringLiteral("fri-mon 08:00-09:00")).toString()
        == QStringLiteral("mon 08:00-09:00; fri-sun 08:00-09:00"));
    CHECK(parse(QStringLiteral("wed 10:00-11:00; mon 09:00-10:00")).toString()
        == QStringLiteral("mon 09:00-10:00; wed 10:00-11:00"));
    CHECK(parse(QStringLiteral("mon 18:00-24:00")).toString() == QStringLiteral("mon 18:00-23:59"));
    CHECK(parse(QString()).toString().isEmpty());
}

TEST_CASE("wrong timetables say what is wrong", "[hours]")
{
    for (const auto &[text, expected] : {std::pair{"monday 09:00-14:00", "does not name days"},
             std::pair{"mon-fri", "gives no hours"}, std::pair{"mon 9-14", "is not an interval"},
             std::pair{"mon 14:00-09:00", "ends after it starts"}, std::pair{"mon 25:00-26:00", "is not an interval"},
             std::pair{"mon-fri 09:00-14:00; wed 13:00-15:00", "overlaps"}}) {
        const auto parsed = OpeningHours::parse(QString::fromUtf8(text), kMadrid);
        INFO(text);
        REQUIRE_FALSE(parsed.ok());
        CHECK(parsed.error().contains(QString::fromUtf8(expected)));
    }
    CHECK_FALSE(OpeningHours::parse(QStringLiteral("mon 09:00-10:00"), QTimeZone("Nowhere/Atlantis")).ok());
}

TEST_CASE("open, closed and the next opening", "[hours]")
{
    const OpeningHours hours = parse(QStringLiteral("mon-fri 09:00-14:00 16:00-19:00; sat 10:00-13:00"));
    // Wednesday 2026-12-02
    auto status = hours.statusAt(madrid(2026, 12, 2, 10, 30));
    CHECK(status.open);
    CHECK(status.closesAt == madrid(2026, 12, 2, 14));
    status = hours.statusAt(madrid(2026, 12, 2, 14)); // closing time itself is closed
    CHECK_FALSE(status.open);
    CHECK(status.nextOpensAt == madrid(2026, 12, 2, 16));
    status = hours.statusAt(madrid(2026, 12, 2, 8, 59));
    CHECK(status.nextOpensAt == madrid(2026, 12, 2, 9));
    // Friday evening → Saturday morning; Saturday after closing → Monday
    CHECK(hours.statusAt(madrid(2026, 12, 4, 19, 30)).nextOpensAt == madrid(2026, 12, 5, 10));
    CHECK(hours.statusAt(madrid(2026, 12, 5, 13, 0)).nextOpensAt == madrid(2026, 12, 7, 9));
}

TEST_CASE("holidays close the office and every day can be open", "[hours]")
{
    OpeningHours hours = parse(QStringLiteral("mon-sun 09:00-21:00"));
    hours.setHolidays({QDate(2026, 12, 25), QDate(2026, 12, 26)});
    CHECK(hours.statusAt(madrid(2026, 12, 24, 20)).open);
    const auto christmas = hours.statusAt(madrid(2026, 12, 25, 12));
    CHECK_FALSE(christmas.open);
    CHECK(christmas.nextOpensAt == madrid(2026, 12, 27, 9)); // a Sunday: open, every day
}

TEST_CASE("instants from another zone and daylight-saving days", "[hours]")
{
    const OpeningHours hours = parse(QStringLiteral("mon-sun 09:00-14:00"));
    // 08:30 UTC on a winter day is 09:30 in Madrid (UTC+1): open.
    CHECK(hours.statusAt(QDateTime(QDate(2026, 12, 2), QTime(8, 30), QTimeZone::utc())).open);
    // 2026-03-29: clocks go forward at 02:00; 09:00 local is 07:00 UTC that day.
    const auto dst = hours.statusAt(QDateTime(QDate(2026, 3, 29), QTime(6, 30), QTimeZone::utc()));
    CHECK_FALSE(dst.open);
    CHECK(dst.nextOpensAt.toUTC() == QDateTime(QDate(2026, 3, 29), QTime(7, 0), QTimeZone::utc()));
    CHECK(hours.statusAt(QDateTime(QDate(2026, 3, 29), QTime(7, 30), QTimeZone::utc())).open);
}

TEST_CASE("an office that never opens has no next opening", "[hours]")
{
    const auto status = parse(QString()).statusAt(madrid(2026, 12, 2, 10));
    CHECK_FALSE(status.open);
    CHECK_FALSE(status.nextOpensAt.isValid());
}
