// Event-loop helpers for tests.
#include "test_support.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QThread>

namespace ventanilla::test {

bool waitUntil(const std::function<bool()> &condition, int timeout_ms)
{
    QDeadlineTimer deadline(timeout_ms);
    while (!condition()) {
        if (deadline.hasExpired())
            return condition();
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        QThread::msleep(2);
    }
    return true;
}

void spin(int duration_ms)
{
    waitUntil([] { return false; }, duration_ms);
}

} // namespace ventanilla::test
