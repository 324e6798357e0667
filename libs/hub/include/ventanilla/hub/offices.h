// The offices' side of the hub: an office's timetable from the database, and whether the
// office of a kiosk is open. Kiosks not attached to an office are always open.
#pragma once

#include "ventanilla/hub/opening_hours.h"
#include "ventanilla/store/store.h"

namespace ventanilla::hub {

// The office's timetable with its holidays; an error if what is stored no longer parses.
Result<OpeningHours> openingHoursOf(store::Store &store, const store::OfficeRecord &office);

struct KioskOfficeStatus {
    std::optional<store::OfficeRecord> office; // none: the kiosk is not attached, always open
    OfficeStatus status;
};
KioskOfficeStatus kioskOfficeStatus(store::Store &store, qint64 kioskId, const QDateTime &now);

// "lunes 09:00" style wording of a time in the office's zone, for people.
QString describeOpening(const QDateTime &when, const QTimeZone &zone);

} // namespace ventanilla::hub
