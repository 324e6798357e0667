// What a call sends and plays: sources and sinks as GStreamer descriptions from the
// [media] section of an app's config, with "auto" resolved to devices or test sources.
#pragma once

#include "ventanilla/core/config_file.h"

#include <QStringList>

namespace ventanilla::media {

struct MediaConfig {
    QString cameraSource = QStringLiteral("auto");
    QString microphoneSource = QStringLiteral("auto");
    QString desktopSource = QStringLiteral("auto");
    QString audioSink = QStringLiteral("auto");
    int width = 1280;
    int height = 720;
    int framerate = 30;
    int videoBitrate_kbps = 1500;
    int desktopWidth = 1280;
    int desktopHeight = 720;
    int desktopFramerate = 10;
    int desktopBitrate_kbps = 800;
    int audioBitrate_kbps = 32;
    int jitterBuffer_ms = 50;
    // false: show each decoded frame at once (least delay; the jitter buffer only waits for
    // missing packets). true: show frames at their presentation time, as GStreamer's sinks do
    // by default (smoother on a jittery network, adds the jitter buffer's latency).
    bool videoSync = false;
    // Addresses ICE may gather host candidates on; empty means every interface.
    QStringList iceLocalAddresses;
    QString stunServer; // stun://host:port, empty for none
    bool wireAudit = false; // compare outgoing plaintext RTP with what reaches the socket
    bool latencyProbe = false; // stamp camera frames with the clock, read them back (benchmarks)
};

MediaConfig readMediaConfig(ConfigFile &config);

// "auto" becomes a device source when the device exists, else a live test source,
// so a machine without a camera still makes a working call. Logs its choice.
QString resolveCameraSource(const QString &configured);
QString resolveMicrophoneSource(const QString &configured);
QString resolveDesktopSource(const QString &configured);
QString resolveAudioSink(const QString &configured);

} // namespace ventanilla::media
