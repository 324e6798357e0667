// Time stamps painted into video and read back, for glass-to-glass measurement.
#include "latency_probe.h"

#include <gst/video/video.h>

namespace ventanilla::media {
namespace {

// 64 bits as two rows of 32 blocks of 32×32 luma: large enough to survive heavy
// quantisation when the encoder is starved of CPU, and within 1024 pixels of width.
constexpr int kBlock = 32;
constexpr int kBits = 64;
constexpr int kPerRow = 32;
constexpr quint64 kTimeMask = (quint64(1) << 48) - 1;

quint16 check(quint64 time)
{
    // Fold the 48 time bits into 16 and scramble, so a misread block almost never passes.
    const quint16 folded = static_cast<quint16>(time ^ (time >> 16) ^ (time >> 32));
    return static_cast<quint16>(folded * 40503u ^ 0x5a5a);
}

quint64 encode(qint64 time_us)
{
    const quint64 time = static_cast<quint64>(time_us) & kTimeMask;
    return (time << 16) | check(time);
}

struct StampSize {
    int width;
    int height;
};

GstPadProbeReturn stampProbe(GstPad *, GstPadProbeInfo *info, gpointer data)
{
    const auto *size = static_cast<StampSize *>(data);
    GstBuffer *buffer = gst_buffer_make_writable(GST_PAD_PROBE_INFO_BUFFER(info));
    GST_PAD_PROBE_INFO_DATA(info) = buffer;
    paintTimeStamp(buffer, size->width, size->height, g_get_monotonic_time());
    return GST_PAD_PROBE_OK;
}

} // namespace

void paintTimeStamp(GstBuffer *buffer, int width, int height, qint64 time_us)
{
    if (width < kPerRow * kBlock || height < 2 * kBlock)
        return;
    GstMapInfo map;
    if (!gst_buffer_map(buffer, &map, GST_MAP_WRITE))
        return;
    GstVideoMeta *meta = gst_buffer_get_video_meta(buffer);
    const int stride = meta ? meta->stride[0] : GST_ROUND_UP_4(width);
    const gsize offset = meta ? meta->offset[0] : 0;
    const quint64 word = encode(time_us);
    for (int bit = 0; bit < kBits; ++bit) {
        const guint8 luma = ((word >> (kBits - 1 - bit)) & 1) ? 235 : 16;
        const gsize left = static_cast<gsize>((bit % kPerRow) * kBlock);
        const int top = (bit / kPerRow) * kBlock;
        for (int y = top; y < top + kBlock; ++y)
            std::memset(map.data + offset + static_cast<gsize>(y) * static_cast<gsize>(stride) + left, luma, kBlock);
    }
    gst_buffer_unmap(buffer, &map);
}

std::optional<qint64> readTimeStamp(const QImage &frame)
{
    if (frame.width() < kPerRow * kBlock || frame.height() < 2 * kBlock)
        return std::nullopt;
    quint64 word = 0;
    for (int bit = 0; bit < kBits; ++bit) {
        // The mean of the block's central 16×16 pixels, away from its blurred edges.
        const int left = (bit % kPerRow) * kBlock + kBlock / 4;
        const int top = (bit / kPerRow) * kBlock + kBlock / 4;
        int sum = 0;
        for (int y = top; y < top + kBlock / 2; y += 2)
            for (int x = left; x < left + kBlock / 2; x += 2)
                sum += qGray(frame.pixel(x, y));
        word = (word << 1) | (sum / ((kBlock / 4) * (kBlock / 4)) > 128 ? 1 : 0);
    }
    const quint64 time = word >> 16;
    if (check(time) != static_cast<quint16>(word & 0xffff))
        return std::nullopt;
    return static_cast<qint64>(time);
}

void LatencySamples::add(double delay_ms)
{
    std::lock_guard lock(m_mutex);
    if (m_samples.size() < 100000)
        m_samples.append(delay_ms);
}

QList<double> LatencySamples::take()
{
    std::lock_guard lock(m_mutex);
    return std::exchange(m_samples, {});
}

void stampBuffersOn(GstPad *pad, int width, int height)
{
    gst_pad_add_probe(pad, GST_PAD_PROBE_TYPE_BUFFER, stampProbe, new StampSize{width, height},
        [](gpointer data) { delete static_cast<StampSize *>(data); });
}

} // namespace ventanilla::media
