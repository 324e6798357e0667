// Admin commands for appointments and call-backs: book for a citizen who phoned, list an
// office's day, cancel, and see the call-backs waiting to be made.
#include "ventanilla/hub/admin.h"
#include "ventanilla/hub/appointments.h"
#include "ventanilla/hub/offices.h"

namespace ventanilla::hub::admin {

Result<QString> bookAppointment(store::Store &store, const AppointmentRules &rules, const QString &ineCode,
    const QString &service, const QString &when, const QString &name, const QString &phone, const QDateTime &now)
{
    const auto office = store.officeByIneCode(ineCode);
    if (!office)
        return failure(QStringLiteral("no office %1").arg(ineCode));
    auto charter = charterInForce(store);
    if (!charter)
        return failure(charter.error());
    if (!charter->service(service))
        return failure(QStringLiteral("\"%1\" is not a service of charter %2").arg(service, charter->version));
    const QDate date = QDate::fromString(when.left(10), Qt::ISODate);
    const QTime time = QTime::fromString(when.mid(11), QStringLiteral("HH:mm"));
    if (when.size() != 16 || when.at(10) != QLatin1Char(' ') || !date.isValid() || !time.isValid())
        return failure(QStringLiteral("\"%1\" is not a local time like \"2026-12-09 10:15\"").arg(when));
    const QDateTime local(date, time, QTimeZone(office->timeZone.toUtf8()));
    const auto booked
        = book(store, *office, rules, {service, local.toMSecsSinceEpoch(), name, phone, QStringLiteral("admin")}, now);
    if (const auto *refusal = std::get_if<BookingRefusal>(&booked))
        return failure(refusal->text);
    const auto &appointment = std::get<store::AppointmentRecord>(booked);
    store.audit(QStringLiteral("admin"), QStringLiteral("appointment-booked"),
        QStringLiteral("%1 %2 %3 %4").arg(appointment.code, ineCode, service, when));
    return QStringLiteral("appointment %1: %2, %3, %4 at the kiosk of %5")
        .arg(appointment.code, service, describeOpening(local, local.timeZone()), appointment.citizenPhone,
            office->municipality);
}

Result<QString> listAppointments(store::Store &store, const QString &ineCode, const QString &day, const QDateTime &now)
{
    const auto office = store.officeByIneCode(ineCode);
    if (!office)
        return failure(QStringLiteral("no office %1").arg(ineCode));
    const QTimeZone zone(office->timeZone.toUtf8());
    const QDate date = day.isEmpty() ? now.toTimeZone(zone).date() : QDate::fromString(day, Qt::ISODate);
    if (!date.isValid())
        return failure(QStringLiteral("\"%1\" is not a date like 2026-12-09").arg(day));
    const qint64 from = QDateTime(date, QTime(0, 0), zone).toMSecsSinceEpoch();
    const qint64 to = QDateTime(date.addDays(1), QTime(0, 0), zone).toMSecsSinceEpoch();
    QStringList lines{QStringLiteral("time\tcode\tservice\tstatus\tphone\tname")};
    for (const auto &appointment : store.appointments(office->id, from, to)) {
        lines << QStringLiteral("%1\t%2\t%3\t%4\t%5\t%6")
                     .arg(
                         QDateTime::fromMSecsSinceEpoch(appointment.startsAtMs, zone).toString(QStringLiteral("HH:mm")),
                         appointment.code, appointment.service, appointment.status, appointment.citizenPhone,
                         appointment.citizenName);
    }
    return lines.join(QLatin1Char('\n'));
}

Result<QString> cancelAppointment(store::Store &store, const QString &code)
{
    const auto appointment = store.appointmentByCode(code);
    if (!appointment)
        return failure(QStringLiteral("no appointment %1").arg(code));
    if (!store.setAppointmentStatus(appointment->id, QStringLiteral("booked"), QStringLiteral("cancelled")))
        return failure(
            QStringLiteral("appointment %1 is %2; only booked ones can be cancelled").arg(code, appointment->status));
    store.audit(QStringLiteral("admin"), QStringLiteral("appointment-cancelled"), code);
    return QStringLiteral("appointment %1 cancelled; its place is free again").arg(code);
}

QString listCallbacks(store::Store &store, const QDateTime &now)
{
    QStringList lines{QStringLiteral("id\trequested\tstatus\tservice\tmunicipality\tphone\tname\tadvisor\tnote")};
    for (const auto &task : store.callbacks(now.toMSecsSinceEpoch() - 24LL * 3600 * 1000)) {
        lines
            << QStringLiteral("%1\t%2\t%3\t%4\t%5\t%6\t%7\t%8\t%9")
                   .arg(QString::number(task.id),
                       QDateTime::fromMSecsSinceEpoch(task.requestedAtMs).toString(QStringLiteral("yyyy-MM-dd HH:mm")),
                       task.status, task.service, task.municipality, task.citizenPhone, task.citizenName,
                       task.advisorName, task.note);
    }
    return lines.join(QLatin1Char('\n'));
}

} // namespace ventanilla::hub::admin
