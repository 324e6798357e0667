// One call's media: a webrtcbin pipeline that sends camera, microphone and (on demand)
// desktop to the peer and receives the same, keyed by DTLS-SRTP. Owned by the Qt thread;
// GStreamer threads reach it only through its ThreadBridge.
#pragma once

#include "ventanilla/core/result.h"
#include "ventanilla/media/call_stats.h"
#include "ventanilla/media/media_config.h"
#include "ventanilla/media/video_frame_source.h"

#include <QObject>

typedef struct _GstMessage GstMessage;
#include <QTimer>

#include <memory>

namespace ventanilla::media {

enum class SdpRole { Unknown = 0, Offerer, Answerer };

struct MediaShared; // state shared with streaming threads (media_shared.h)
class MediaSession;
// Called on the Qt thread when a streaming thread has a new frame of kind.
void deliverFrame(MediaSession &session, StreamKind kind);

class MediaSession : public QObject {
    Q_OBJECT
public:
    explicit MediaSession(MediaConfig config, QObject *parent = nullptr);
    ~MediaSession() override;

    // Builds the pipeline and starts it; the offerer then sends its offer by itself.
    Status start(SdpRole role);
    void stop();
    bool running() const;

    // From the peer, through signalling.
    void setRemoteDescription(const QString &type, const QString &sdp);
    void addRemoteCandidate(int mline, const QString &candidate);

    // Desktop share: adds or removes the desktop source while the call runs.
    Status startDesktopShare();
    void stopDesktopShare();
    bool desktopSharing() const { return m_desktopSharing; }

    VideoFrameSource *remoteVideo() { return &m_remoteVideo; }
    VideoFrameSource *remoteDesktop() { return &m_remoteDesktop; }
    VideoFrameSource *localPreview() { return &m_localPreview; }

    qint64 remoteVideoFrames() const;
    qint64 remoteDesktopFrames() const;
    qint64 remoteAudioPackets() const;
    // Wall-clock time (ms since epoch) of the first decoded remote camera frame, 0 before.
    qint64 firstRemoteVideoFrameAtMs() const;
    // The negotiated SRTP protection profile, e.g. "SRTP_AES128_CM_HMAC_SHA1_80"; empty
    // until DTLS has finished.
    QString srtpProfile() const;
    QString connectionState() const { return m_connectionState; }
    const CallStats &stats() const { return m_stats; }
    // With wire_audit on: outgoing RTP packets seen on the socket, and how many of them
    // carried their plaintext payload (must stay 0).
    qint64 wirePacketsAudited() const;
    qint64 wirePlaintextLeaks() const;

    // With latency_probe on: capture-to-decoded delays (ms) of remote camera frames since the
    // last call. Needs both ends on one machine (they compare one monotonic clock).
    QList<double> takeLatencySamples();

    // Writes a Graphviz .dot of the pipeline into $GST_DEBUG_DUMP_DOT_DIR, if set.
    void dumpGraph(const QString &name) const;

Q_SIGNALS:
    void localDescription(const QString &type, const QString &sdp);
    void localCandidate(int mline, const QString &candidate);
    void connectionStateChanged(const QString &state);
    void firstRemoteVideoFrame();
    void remoteDesktopStarted();
    void statsUpdated();
    // The pipeline failed; the message is for logs and for the person in front of the screen.
    void failed(const QString &message);

private:
    Status buildPipeline();
    void onBusMessage(GstMessage *message);
    void onRemoteDescriptionSet();
    void onConnectionState(const QString &state);
    void pollStats();
    friend void deliverFrame(MediaSession &session, StreamKind kind);
    friend struct MediaCallbacks;

    MediaConfig m_config;
    SdpRole m_role = SdpRole::Unknown;
    std::shared_ptr<MediaShared> m_shared;
    VideoFrameSource m_remoteVideo;
    VideoFrameSource m_remoteDesktop;
    VideoFrameSource m_localPreview;
    QTimer m_statsTimer;
    CallStats m_stats;
    SsrcKinds m_ssrcKinds;
    qint64 m_previousVideoFrames = 0;
    qint64 m_previousDesktopFrames = 0;
    QString m_connectionState = QStringLiteral("new");
    bool m_remoteDescriptionSet = false;
    bool m_desktopSharing = false;
    QList<QPair<int, QString>> m_pendingCandidates;
};

} // namespace ventanilla::media
