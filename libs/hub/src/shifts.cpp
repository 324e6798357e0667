// Advisors' shifts from the database.
#include "ventanilla/hub/shifts.h"

#include "ventanilla/hub/logging.h"

namespace ventanilla::hub {

std::optional<OpeningHours> shiftOf(store::Store &store, qint64 advisorId)
{
    const QString text = store.advisorShift(advisorId);
    if (text.trimmed().isEmpty())
        return std::nullopt;
    auto hours = OpeningHours::parse(text);
    if (!hours) {
        qCWarning(lcHub).noquote() << "the shift of advisor" << advisorId << "does not parse:" << hours.error();
        return std::nullopt;
    }
    const QList<QDate> leave = store.advisorLeave(advisorId);
    hours->setHolidays(QSet<QDate>(leave.cbegin(), leave.cend()));
    return std::move(hours).value();
}

bool isOnShift(store::Store &store, qint64 advisorId, const QDateTime &now)
{
    const auto shift = shiftOf(store, advisorId);
    return !shift || shift->statusAt(now).open;
}

} // namespace ventanilla::hub
