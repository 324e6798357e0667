// Diagnostic glass-to-glass measurement ([media] latency_probe): the sender paints the
// monotonic clock into the top 64 rows of each camera frame (64 blocks of 32×32 luma:
// 48 bits of microseconds and a 16-bit check); the receiver reads it back from the
// decoded frame. Both ends must share a clock, so this is for one-machine benchmarks.
#pragma once

#include <QImage>
#include <QList>

#include <gst/gst.h>

#include <mutex>
#include <optional>

namespace ventanilla::media {

// Paints the stamp into an I420 (or any planar 8-bit luma-first) frame in place.
void paintTimeStamp(GstBuffer *writableBuffer, int width, int height, qint64 time_us);
// Reads a stamp from a decoded BGRx frame; nullopt if the blocks do not check out.
std::optional<qint64> readTimeStamp(const QImage &frame);

// Collected delays (capture to decoded frame), thread-safe.
class LatencySamples {
public:
    void add(double delay_ms);
    QList<double> take();

private:
    std::mutex m_mutex;
    QList<double> m_samples;
};

// Adds a probe that stamps every buffer passing pad (raw video of that size).
void stampBuffersOn(GstPad *pad, int width, int height);

} // namespace ventanilla::media
