// Office timetables from the database and kiosk office status.
#include "ventanilla/hub/offices.h"

#include <QLocale>

namespace ventanilla::hub {

Result<OpeningHours> openingHoursOf(store::Store &store, const store::OfficeRecord &office)
{
    auto hours = OpeningHours::parse(office.openingHours, QTimeZone(office.timeZone.toUtf8()));
    if (!hours)
        return failure(QStringLiteral("office %1 (%2): %3").arg(office.ineCode, office.municipality, hours.error()));
    const QList<QDate> holidays = store.holidays(office.id);
    hours->setHolidays(QSet<QDate>(holidays.cbegin(), holidays.cend()));
    return hours;
}

KioskOfficeStatus kioskOfficeStatus(store::Store &store, qint64 kioskId, const QDateTime &now)
{
    KioskOfficeStatus result;
    result.office = store.officeOfKiosk(kioskId);
    if (!result.office) {
        result.status.open = true;
        return result;
    }
    auto hours = openingHoursOf(store, *result.office);
    // A timetable that no longer parses keeps the office open rather than shutting citizens out.
    result.status = hours ? hours->statusAt(now) : OfficeStatus{true, {}, {}};
    return result;
}

QString describeOpening(const QDateTime &when, const QTimeZone &zone)
{
    const QDateTime local = when.toTimeZone(zone);
    return QLocale(QLocale::Spanish, QLocale::Spain).toString(local, QStringLiteral("dddd d 'de' MMMM, HH:mm"));
}

} // namespace ventanilla::hub
