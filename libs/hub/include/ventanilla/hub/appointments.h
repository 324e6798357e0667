// Appointments (cita previa): which slots an office offers, the check-in window, codes and
// phone numbers. Pure rules; the hub and the admin commands apply them to the database.
#pragma once

#include "ventanilla/core/result.h"
#include "ventanilla/hub/hub_config.h"
#include "ventanilla/hub/opening_hours.h"
#include "ventanilla/store/store.h"

#include <variant>

namespace ventanilla::hub {

// The starts of every slot that lies wholly inside the office's open intervals, from `from`
// (exclusive of slots already begun) to `daysAhead` local days later.
QList<QDateTime> slotStarts(const OpeningHours &hours, const QDateTime &from, int daysAhead, int slotMinutes);

struct FreeSlot {
    QDateTime startsAt;
    int free = 0;
};
// The office's slots still with room, in order; `booked` counts live appointments per start (ms).
QList<FreeSlot> freeSlots(
    const OpeningHours &hours, const QHash<qint64, int> &booked, const QDateTime &from, const AppointmentRules &rules);

// Six digits, drawn by the system's CSPRNG: what the citizen types at the kiosk to check in.
QString newAppointmentCode();
bool isAppointmentCode(const QString &text);

// A Spanish or international phone number, written with or without spaces: "+34 967 123 456",
// "967123456". Returns it with the spaces removed, or an error for people.
Result<QString> normalisePhone(const QString &text);

struct BookingRequest {
    QString service; // checked against the charter by the caller
    qint64 startsAtMs = 0;
    QString citizenName;
    QString citizenPhone;
    QString bookedBy;
};
struct BookingRefusal {
    QString code; // a protocol error code: bad-field, slot-full, unavailable
    QString text;
};
// Books a slot of the office if it is one the office offers and still has room; the same
// rules for kiosks and IT staff.
std::variant<store::AppointmentRecord, BookingRefusal> book(store::Store &store, const store::OfficeRecord &office,
    const AppointmentRules &rules, const BookingRequest &request, const QDateTime &now);

enum class CheckIn { Unknown = 0, Early, OnTime, Late, NotBooked };
// Whether an appointment can be checked in at `now`: Early (before the window opens), OnTime,
// Late (past the no-show limit) or NotBooked (cancelled, already used, no-show).
CheckIn checkInAt(const store::AppointmentRecord &appointment, qint64 nowMs, const AppointmentRules &rules);

} // namespace ventanilla::hub
