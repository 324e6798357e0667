// Slot arithmetic, codes and phone numbers for appointments.
#include "ventanilla/hub/appointments.h"

#include "ventanilla/hub/offices.h"
#include "ventanilla/signalling/protocol.h"

#include <QRandomGenerator>
#include <QRegularExpression>

namespace ventanilla::hub {

QList<QDateTime> slotStarts(const OpeningHours &hours, const QDateTime &from, int daysAhead, int slotMinutes)
{
    QList<QDateTime> starts;
    const QDate firstDay = from.toTimeZone(hours.zone()).date();
    const qint64 slotSeconds = qint64(slotMinutes) * 60;
    for (int offset = 0; offset <= daysAhead; ++offset) {
        for (const auto &[opens, closes] : hours.openIntervalsOn(firstDay.addDays(offset))) {
            for (QDateTime start = opens; start.addSecs(slotSeconds) <= closes; start = start.addSecs(slotSeconds)) {
                if (start >= from)
                    starts.append(start);
            }
        }
    }
    return starts;
}

QList<FreeSlot> freeSlots(
    const OpeningHours &hours, const QHash<qint64, int> &booked, const QDateTime &from, const AppointmentRules &rules)
{
    QList<FreeSlot> result;
    for (const QDateTime &start : slotStarts(hours, from, rules.daysAhead, rules.slotMinutes)) {
        const int free = rules.perSlot - booked.value(start.toMSecsSinceEpoch());
        if (free > 0)
            result.append({start, free});
    }
    return result;
}

QString newAppointmentCode()
{
    return QStringLiteral("%1").arg(QRandomGenerator::system()->bounded(1000000), 6, 10, QLatin1Char('0'));
}

bool isAppointmentCode(const QString &text)
{
    static const QRegularExpression sixDigits(QStringLiteral("^[0-9]{6}$"));
    return sixDigits.match(text).hasMatch();
}

Result<QString> normalisePhone(const QString &text)
{
    QString phone = text;
    phone.remove(QLatin1Char(' '));
    static const QRegularExpression shape(QStringLiteral("^\\+?[0-9]{9,15}$"));
    if (!shape.match(phone).hasMatch())
        return failure(QStringLiteral("\"%1\" is not a phone number (9 to 15 digits, optionally starting with +)")
                           .arg(text.left(40)));
    return phone;
}

std::variant<store::AppointmentRecord, BookingRefusal> book(store::Store &store, const store::OfficeRecord &office,
    const AppointmentRules &rules, const BookingRequest &request, const QDateTime &now)
{
    namespace errors = signalling::errors;
    auto phone = normalisePhone(request.citizenPhone);
    if (!phone)
        return BookingRefusal{errors::kBadField, phone.error()};
    auto hours = openingHoursOf(store, office);
    if (!hours)
        return BookingRefusal{errors::kUnavailable, hours.error()};
    const QList<QDateTime> starts = slotStarts(*hours, now, rules.daysAhead, rules.slotMinutes);
    const QDateTime wanted = QDateTime::fromMSecsSinceEpoch(request.startsAtMs, QTimeZone::utc());
    if (!starts.contains(wanted))
        return BookingRefusal{errors::kBadField,
            QStringLiteral("%1 is not a slot the office of %2 offers (every %3 minutes within its opening hours, "
                           "up to %4 days ahead)")
                .arg(describeOpening(wanted, hours->zone()), office.municipality)
                .arg(rules.slotMinutes)
                .arg(rules.daysAhead)};
    store::AppointmentRecord appointment{.officeId = office.id,
        .service = request.service,
        .startsAtMs = request.startsAtMs,
        .citizenName = request.citizenName.trimmed(),
        .citizenPhone = *phone,
        .bookedAtMs = now.toMSecsSinceEpoch(),
        .bookedBy = request.bookedBy};
    for (int attempt = 0; attempt < 8; ++attempt) {
        appointment.code = newAppointmentCode();
        switch (store.bookAppointment(appointment, rules.perSlot)) {
        case store::Store::Booking::Booked:
            return *store.appointmentByCode(appointment.code);
        case store::Store::Booking::SlotFull:
            return BookingRefusal{errors::kSlotFull,
                QStringLiteral("the slot of %1 is full; choose another").arg(describeOpening(wanted, hours->zone()))};
        default:
            break; // the code was taken: draw another
        }
    }
    return BookingRefusal{errors::kUnavailable, QStringLiteral("no free appointment code could be drawn; try again")};
}

CheckIn checkInAt(const store::AppointmentRecord &appointment, qint64 nowMs, const AppointmentRules &rules)
{
    if (appointment.status != QLatin1String("booked"))
        return CheckIn::NotBooked;
    if (nowMs < appointment.startsAtMs - qint64(rules.checkInEarly_min) * 60000)
        return CheckIn::Early;
    if (nowMs >= appointment.startsAtMs + qint64(rules.noShowAfter_min) * 60000)
        return CheckIn::Late;
    return CheckIn::OnTime;
}

} // namespace ventanilla::hub
