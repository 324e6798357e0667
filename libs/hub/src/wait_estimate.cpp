// The expected-wait estimate and rolling handling times.
#include "ventanilla/hub/wait_estimate.h"

#include <algorithm>
#include <numeric>

namespace ventanilla::hub {

double estimateWait_s(QList<double> advisorsFreeIn_s, int position, double averageHandling_s)
{
    if (advisorsFreeIn_s.isEmpty() || position < 1)
        return -1;
    // The queue-position rule: with every eligible advisor busy, one of them frees up on
    // average every handling time / advisors (exact when handling times are memoryless,
    // which a service's mix of short and long calls is close to). Free advisors take the
    // first citizens at once.
    const auto freeNow
        = std::count_if(advisorsFreeIn_s.cbegin(), advisorsFreeIn_s.cend(), [](double s) { return s <= 0; });
    if (position <= freeNow)
        return 0;
    return (position - freeNow) * averageHandling_s / advisorsFreeIn_s.size();
}

void HandlingTimes::add(double handled_s)
{
    constexpr int kWindow = 20;
    m_recent.append(handled_s);
    if (m_recent.size() > kWindow)
        m_recent.removeFirst();
    m_mean_s = std::accumulate(m_recent.cbegin(), m_recent.cend(), 0.0) / m_recent.size();
}

} // namespace ventanilla::hub
