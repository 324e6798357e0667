// State of one call's media that GStreamer threads touch: the pipeline, counters, the
// latest frames. Outlives every callback: the session stops the pipeline (joining the
// streaming threads) and detaches the bridge before it lets this go.
#pragma once

#include "latency_probe.h"
#include "ventanilla/media/call_stats.h"
#include "ventanilla/media/gst_ptr.h"
#include "ventanilla/media/media_session.h"
#include "ventanilla/media/thread_bridge.h"
#include "wire_audit.h"

#include <QImage>

#include <atomic>
#include <mutex>

namespace ventanilla::media {

// The newest decoded frame of one stream, handed from a streaming thread to the Qt thread.
struct FrameSlot {
    std::mutex mutex;
    QImage latest;
    std::atomic<bool> notifyPending{false};
    std::atomic<qint64> frames{0};
};

// M-line order is part of the protocol: both sides build their branches in this order.
inline const QList<StreamKind> kMlineKinds{StreamKind::Audio, StreamKind::Video, StreamKind::Desktop};

struct MediaShared {
    explicit MediaShared(MediaSession *owner) : bridge(owner), session(owner) { }

    ThreadBridge bridge;
    MediaSession *session; // only dereferenced inside bridge.post() work, on the Qt thread
    std::atomic<SdpRole> role{SdpRole::Unknown};
    std::atomic<bool> offerRequested{false};
    GstPtr<GstElement> pipeline;
    GstElement *webrtc = nullptr; // owned by pipeline
    GstElement *desktopEncoder = nullptr; // the persistent desktop encoder bin, owned by pipeline
    GstPtr<GstElement> desktopSource; // the share's source bin while sharing
    QString audioSinkDescription;
    FrameSlot video;
    FrameSlot desktop;
    FrameSlot preview;
    std::atomic<qint64> audioPackets{0};
    std::atomic<qint64> firstVideoFrameAtMs{0};
    SsrcKinds localSsrcs; // written while building, before any thread starts
    WireAudit wireAudit;
    bool latencyProbe = false;
    bool videoSync = false;
    LatencySamples latency;
};

// media_pipeline.cpp
Status buildSendBranches(MediaShared &shared, const MediaConfig &config);
void connectReceiveSide(MediaShared &shared);
void restrictIceAddresses(GstElement *webrtc, const QStringList &addresses);
GstPtr<GstElement> makeDesktopSourceBin(const MediaConfig &config, QString *error);

// media_inspect.cpp
QString negotiatedSrtpProfile(GstElement *webrtc);
QString peerConnectionStateName(GstElement *webrtc);

} // namespace ventanilla::media
