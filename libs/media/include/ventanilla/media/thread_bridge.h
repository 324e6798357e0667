// How GStreamer's streaming threads reach Qt: post a function to a QObject's thread,
// and stop posting, under a lock, before that object goes away.
#pragma once

#include <QMetaObject>
#include <QObject>

#include <memory>
#include <mutex>

namespace ventanilla::media {

class ThreadBridge {
public:
    explicit ThreadBridge(QObject *target) : m_target(target) { }

    // Queues work on the target's thread; dropped if the target has detached.
    template <typename Function> void post(Function &&work)
    {
        std::lock_guard lock(m_mutex);
        if (m_target)
            QMetaObject::invokeMethod(m_target, std::forward<Function>(work), Qt::QueuedConnection);
    }

    // Called by the target before it is destroyed; after this, post() does nothing.
    // Qt discards work already queued for a deleted object.
    void detach()
    {
        std::lock_guard lock(m_mutex);
        m_target = nullptr;
    }

private:
    std::mutex m_mutex;
    QObject *m_target;
};

} // namespace ventanilla::media
