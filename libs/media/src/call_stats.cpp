// Turns webrtcbin's get-stats structure into per-stream figures.
#include "ventanilla/media/call_stats.h"

#include <QJsonArray>
#include <QStringList>

#include <gst/gst.h>
#include <gst/webrtc/webrtc.h>

namespace ventanilla::media {
namespace {

const GstStructure *entry(const GstStructure *stats, const gchar *id)
{
    const GValue *value = id ? gst_structure_get_value(stats, id) : nullptr;
    return value && GST_VALUE_HOLDS_STRUCTURE(value) ? gst_value_get_structure(value) : nullptr;
}

quint64 u64(const GstStructure *s, const char *field)
{
    guint64 value = 0;
    if (gst_structure_get_uint64(s, field, &value))
        return value;
    guint small = 0;
    return gst_structure_get_uint(s, field, &small) ? small : 0;
}

qint64 i64(const GstStructure *s, const char *field)
{
    gint64 value = 0;
    if (gst_structure_get_int64(s, field, &value))
        return value;
    gint small = 0;
    return gst_structure_get_int(s, field, &small) ? small : 0;
}

double seconds(const GstStructure *s, const char *field)
{
    double value = 0;
    return gst_structure_get_double(s, field, &value) ? value : 0;
}

} // namespace

QString streamKindName(StreamKind kind)
{
    switch (kind) {
    case StreamKind::Audio:
        return QStringLiteral("audio");
    case StreamKind::Video:
        return QStringLiteral("video");
    case StreamKind::Desktop:
        return QStringLiteral("desktop");
    case StreamKind::Unknown:
        break;
    }
    return QStringLiteral("unknown");
}

CallStats parseWebrtcStats(
    const GstStructure *stats, qint64 sampledAtMs, const SsrcKinds &ssrcKinds, const CallStats &previous)
{
    CallStats result;
    result.sampledAtMs = sampledAtMs;
    const int fields = gst_structure_n_fields(stats);
    for (int i = 0; i < fields; ++i) {
        const GstStructure *rtp = entry(stats, gst_structure_nth_field_name(stats, i));
        GstWebRTCStatsType type{};
        if (!rtp || !gst_structure_get(rtp, "type", GST_TYPE_WEBRTC_STATS_TYPE, &type, nullptr))
            continue;
        if (type != GST_WEBRTC_STATS_INBOUND_RTP && type != GST_WEBRTC_STATS_OUTBOUND_RTP)
            continue;
        StreamStats stream;
        guint ssrc = 0;
        gst_structure_get_uint(rtp, "ssrc", &ssrc);
        stream.ssrc = ssrc;
        stream.kind = ssrcKinds.value(ssrc, StreamKind::Unknown);
        if (stream.kind == StreamKind::Unknown)
            continue; // retransmission streams and SSRCs neither side announced
        if (type == GST_WEBRTC_STATS_INBOUND_RTP) {
            stream.direction = StreamDirection::Inbound;
            stream.packets = u64(rtp, "packets-received");
            stream.bytes = u64(rtp, "bytes-received");
            stream.packetsLost = i64(rtp, "packets-lost");
            stream.jitter_ms = seconds(rtp, "jitter") * 1000.0;
        } else {
            stream.direction = StreamDirection::Outbound;
            stream.packets = u64(rtp, "packets-sent");
            stream.bytes = u64(rtp, "bytes-sent");
            // What the peer told us in its receiver reports about this stream.
            if (const GstStructure *remote = entry(stats, gst_structure_get_string(rtp, "remote-id"))) {
                stream.packetsLost = i64(remote, "packets-lost");
                stream.jitter_ms = seconds(remote, "jitter") * 1000.0;
                double rtt = 0;
                if (gst_structure_get_double(remote, "round-trip-time", &rtt))
                    stream.roundTrip_ms = rtt * 1000.0;
            }
        }
        for (const StreamStats &before : previous.streams) {
            if (before.ssrc == stream.ssrc && before.direction == stream.direction && sampledAtMs > previous.sampledAtMs
                && stream.bytes >= before.bytes) {
                stream.bitrate_kbps = (stream.bytes - before.bytes) * 8.0 / (sampledAtMs - previous.sampledAtMs);
            }
        }
        if (stream.packets > 0 || stream.direction == StreamDirection::Outbound)
            result.streams.append(stream);
    }
    return result;
}

SsrcKinds ssrcKindsFromSdp(const QString &sdp, const QList<StreamKind> &mlineKinds)
{
    SsrcKinds kinds;
    QList<quint32> retransmissions;
    int mline = -1;
    for (const QString &rawLine : sdp.split(QLatin1Char('\n'))) {
        const QString line = rawLine.trimmed();
        if (line.startsWith(QLatin1String("m="))) {
            ++mline;
        } else if (line.startsWith(QLatin1String("a=ssrc-group:FID "))) {
            const QStringList parts = line.split(QLatin1Char(' '));
            if (parts.size() == 3)
                retransmissions << parts[2].toUInt();
        } else if (line.startsWith(QLatin1String("a=ssrc:")) && mline >= 0 && mline < mlineKinds.size()) {
            bool ok = false;
            const quint32 ssrc = line.mid(7).section(QLatin1Char(' '), 0, 0).toUInt(&ok);
            if (ok)
                kinds.insert(ssrc, mlineKinds[mline]);
        }
    }
    for (quint32 ssrc : retransmissions)
        kinds.remove(ssrc);
    return kinds;
}

QJsonObject CallStats::toJson() const
{
    QJsonArray list;
    for (const StreamStats &stream : streams) {
        QJsonObject item{{QStringLiteral("kind"), streamKindName(stream.kind)},
            {QStringLiteral("direction"),
                stream.direction == StreamDirection::Inbound ? QStringLiteral("in") : QStringLiteral("out")},
            {QStringLiteral("packets"), static_cast<qint64>(stream.packets)},
            {QStringLiteral("packets_lost"), stream.packetsLost}, {QStringLiteral("jitter_ms"), stream.jitter_ms},
            {QStringLiteral("bitrate_kbps"), stream.bitrate_kbps}};
        if (stream.roundTrip_ms)
            item.insert(QStringLiteral("rtt_ms"), *stream.roundTrip_ms);
        if (stream.width > 0) {
            item.insert(QStringLiteral("width"), stream.width);
            item.insert(QStringLiteral("height"), stream.height);
            item.insert(QStringLiteral("fps"), stream.framerate);
        }
        list.append(item);
    }
    return {{QStringLiteral("sampled_at_ms"), sampledAtMs}, {QStringLiteral("streams"), list}};
}

} // namespace ventanilla::media
