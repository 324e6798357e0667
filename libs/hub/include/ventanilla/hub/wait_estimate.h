// How long a waiting citizen will probably wait, from live data: how many advisors can
// attend them, how many of those are free now, and the service's recent average handling
// time. docs/queue.md states the method; tests/unit/test_wait_estimate.cpp measures its
// error on simulated traffic.
#pragma once

#include <QList>

namespace ventanilla::hub {

// seconds until each eligible advisor is free (0 for one free now); the citizen's position
// (1 = next); the average handling time of a call, wrap-up included, in seconds.
// Returns seconds; a negative value means no advisor can attend them now (unknown).
double estimateWait_s(QList<double> advisorsFreeIn_s, int position, double averageHandling_s);

// Rolling mean of the last handling times of one service, starting from the charter's
// expected handling time until real calls replace it.
class HandlingTimes {
public:
    explicit HandlingTimes(double expected_s = 300) : m_mean_s(expected_s) { }
    void add(double handled_s);
    double mean_s() const { return m_mean_s; }

private:
    QList<double> m_recent;
    double m_mean_s;
};

} // namespace ventanilla::hub
