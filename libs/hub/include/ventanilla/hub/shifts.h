// Advisors' shifts: a weekly timetable written like an office's ("mon-fri 08:00-15:00"),
// minus days of leave. An advisor without a shift has no schedule and is always on.
#pragma once

#include "ventanilla/hub/opening_hours.h"
#include "ventanilla/store/store.h"

namespace ventanilla::hub {

// The advisor's shift with their leave; nullopt when they have no schedule (or it no longer
// parses, which is logged: better on than locked out).
std::optional<OpeningHours> shiftOf(store::Store &store, qint64 advisorId);
bool isOnShift(store::Store &store, qint64 advisorId, const QDateTime &now);

} // namespace ventanilla::hub
