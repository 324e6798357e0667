// What the benchmarks share: waiting on the event loop, percentiles and their summary.
#pragma once

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QJsonObject>
#include <QList>
#include <QThread>

#include <algorithm>
#include <functional>

namespace ventanilla::bench {

inline bool waitUntil(const std::function<bool()> &condition, int timeout_ms)
{
    QDeadlineTimer deadline(timeout_ms);
    while (!condition()) {
        if (deadline.hasExpired())
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
        QThread::usleep(500);
    }
    return true;
}

inline double percentile(QList<double> values, double p)
{
    if (values.isEmpty())
        return 0;
    std::sort(values.begin(), values.end());
    const double rank = p * (values.size() - 1);
    const auto low = static_cast<qsizetype>(rank);
    const auto high = std::min(low + 1, values.size() - 1);
    return values[low] + (values[high] - values[low]) * (rank - low);
}

inline QJsonObject summary(const QList<double> &values)
{
    return {{QStringLiteral("n"), values.size()}, {QStringLiteral("p50"), percentile(values, 0.5)},
        {QStringLiteral("p95"), percentile(values, 0.95)},
        {QStringLiteral("min"), values.isEmpty() ? 0 : *std::min_element(values.begin(), values.end())},
        {QStringLiteral("max"), values.isEmpty() ? 0 : *std::max_element(values.begin(), values.end())}};
}

} // namespace ventanilla::bench
