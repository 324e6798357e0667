// The queue's order in one place. A call's rank is a virtual arrival time; the lowest is
// offered first. Walk-ins rank by arrival, earlier by the preferred boost when they asked for
// preferred attention; checked-in appointments, from their time, rank a day earlier; citizens
// transferred on (already attended once) two days earlier.
#pragma once

#include <QtGlobal>

namespace ventanilla::hub::rank {

inline constexpr qint64 kAppointmentPrecedence_ms = 24LL * 3600 * 1000;
inline constexpr qint64 kTransferPrecedence_ms = 48LL * 3600 * 1000;

inline qint64 walkIn(qint64 requestedAtMs, bool preferred, int preferredBoost_s)
{
    return requestedAtMs - (preferred ? qint64(preferredBoost_s) * 1000 : 0);
}

inline qint64 appointment(qint64 startsAtMs)
{
    return startsAtMs - kAppointmentPrecedence_ms;
}

inline qint64 transferred(qint64 firstRequestedAtMs)
{
    return firstRequestedAtMs - kTransferPrecedence_ms;
}

} // namespace ventanilla::hub::rank
