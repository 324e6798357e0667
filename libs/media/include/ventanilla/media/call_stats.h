// Call statistics per stream, from webrtcbin's get-stats plus our own frame counters.
#pragma once

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

typedef struct _GstStructure GstStructure;

namespace ventanilla::media {

enum class StreamKind { Unknown = 0, Audio, Video, Desktop };
enum class StreamDirection { Unknown = 0, Inbound, Outbound };

QString streamKindName(StreamKind kind);

struct StreamStats {
    StreamKind kind = StreamKind::Unknown;
    StreamDirection direction = StreamDirection::Unknown;
    quint32 ssrc = 0;
    quint64 packets = 0;
    quint64 bytes = 0;
    qint64 packetsLost = 0; // inbound: as we count; outbound: as the peer reports
    double jitter_ms = 0;
    std::optional<double> roundTrip_ms; // outbound, from the peer's receiver reports
    double bitrate_kbps = 0; // since the previous sample
    int width = 0; // inbound video: of the decoded frames
    int height = 0;
    double framerate = 0; // inbound video: decoded frames a second
};

struct CallStats {
    qint64 sampledAtMs = 0;
    QList<StreamStats> streams;
    QJsonObject toJson() const;
};

// Which stream an SSRC carries. webrtcbin 1.22 labels bundled streams' codec and kind
// wrongly in its stats, so streams are told apart by SSRC: ours from our send branches,
// the peer's from the a=ssrc lines of its SDP.
using SsrcKinds = QHash<quint32, StreamKind>;

// Reads webrtcbin's stats structure; previous gives the bitrates by difference.
CallStats parseWebrtcStats(
    const GstStructure *stats, qint64 sampledAtMs, const SsrcKinds &ssrcKinds, const CallStats &previous);

// The SSRCs each m-line of an SDP announces (retransmission SSRCs left out).
SsrcKinds ssrcKindsFromSdp(const QString &sdp, const QList<StreamKind> &mlineKinds);

} // namespace ventanilla::media
