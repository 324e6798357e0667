// The pure rules of appointments: slots inside opening hours (holidays, DST), the check-in
// window and phone numbers.
#include "ventanilla/hub/appointments.h"

#include <catch2/catch.hpp>

using namespace ventanilla;
using namespace ventanilla::hub;

namespace {

const QTimeZone kMadrid("Europe/Madrid");

QDateTime madrid(int y, int m, int d, int h, int min)
{
    return QDateTime(QDate(y, m, d), QTime(h, min), kMadrid);
}

} // namespace

TEST_CASE("slots lie wholly inside each opening interval and skip holidays", "[appointments]")
{
    auto hours = OpeningHours::parse(QStringLiteral("mon-fri 09:00-10:00 16:00-16:40"), kMadrid);
    REQUIRE(hours.ok());
    hours->setHolidays({QDate(2026, 12, 8)}); // Tuesday, Inmaculada
    const QList<QDateTime> starts = slotStarts(*hours, madrid(2026, 12, 7, 9, 10), 1, 15);
    // Monday: 09:15 09:30 09:45 (09:00 has begun), 16:00 16:15 (16:30 would end after 16:40).
    // Tuesday is a holiday.
    REQUIRE(starts.size() == 5);
    CHECK(starts.first() == madrid(2026, 12, 7, 9, 15));
    CHECK(starts[3] == madrid(2026, 12, 7, 16, 0));
    CHECK(starts.last() == madrid(2026, 12, 7, 16, 15));
}

TEST_CASE("slots keep local time across the change to summer time", "[appointments]")
{
    auto hours = OpeningHours::parse(QStringLiteral("sun 09:00-10:00"), kMadrid);
    REQUIRE(hours.ok());
    // 29 March 2026: clocks go from 02:00 to 03:00; the office still opens at 09:00 local.
    const QList<QDateTime> starts = slotStarts(*hours, madrid(2026, 3, 28, 12, 0), 2, 30);
    REQUIRE(starts.size() == 2);
    CHECK(starts.first().toTimeZone(kMadrid).time() == QTime(9, 0));
    CHECK(starts.first().toUTC().time() == QTime(7, 0));
}

TEST_CASE("free slots leave out those already full", "[appointments]")
{
    auto hours = OpeningHours::parse(QStringLiteral("mon 09:00-09:30"), kMadrid);
    REQUIRE(hours.ok());
    AppointmentRules rules;
    rules.perSlot = 2;
    const QDateTime from = madrid(2026, 12, 7, 8, 0);
    QHash<qint64, int> booked{
        {madrid(2026, 12, 7, 9, 0).toMSecsSinceEpoch(), 2}, {madrid(2026, 12, 7, 9, 15).toMSecsSinceEpoch(), 1}};
    const QList<FreeSlot> free = freeSlots(*hours, booked, from, rules);
    REQUIRE(free.size() >= 1);
    CHECK(free.first().startsAt == madrid(2026, 12, 7, 9, 15));
    CHECK(free.first().free == 1);
}

TEST_CASE("the check-in window runs from early minutes before to the no-show limit after", "[appointments]")
{
    AppointmentRules rules; // 30 min early, 15 min late
    store::AppointmentRecord appointment;
    appointment.startsAtMs = 10'000'000'000;
    const qint64 minute = 60000;
    CHECK(checkInAt(appointment, appointment.startsAtMs - 31 * minute, rules) == CheckIn::Early);
    CHECK(checkInAt(appointment, appointment.startsAtMs - 30 * minute, rules) == CheckIn::OnTime);
    CHECK(checkInAt(appointment, appointment.startsAtMs + 15 * minute - 1, rules) == CheckIn::OnTime);
    CHECK(checkInAt(appointment, appointment.startsAtMs + 15 * minute, rules) == CheckIn::Late);
    appointment.status = QStringLiteral("attended");
    CHECK(checkInAt(appointment, appointment.startsAtMs, rules) == CheckIn::NotBooked);
}

TEST_CASE("phone numbers are accepted with spaces and a plus, refused otherwise", "[appointments]")
{
    CHECK(*normalisePhone(QStringLiteral("+34 967 123 456")) == QStringLiteral("+34967123456"));
    CHECK(*normalisePhone(QStringLiteral("600123456")) == QStringLiteral("600123456"));
    CHECK_FALSE(normalisePhone(QStringLiteral("60012345")).ok());
    CHECK_FALSE(normalisePhone(QStringLiteral("600-123-456")).ok());
    CHECK_FALSE(normalisePhone(QString()).ok());
}

TEST_CASE("appointment codes are six digits", "[appointments]")
{
    for (int i = 0; i < 200; ++i)
        CHECK(isAppointmentCode(newAppointmentCode()));
    CHECK_FALSE(isAppointmentCode(QStringLiteral("12345")));
    CHECK_FALSE(isAppointmentCode(QStringLiteral("12345a")));
}
