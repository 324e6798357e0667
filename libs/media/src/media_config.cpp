// Reads [media] settings and resolves "auto" sources and sinks.
#include "ventanilla/media/media_config.h"

#include "ventanilla/media/logging.h"

#include <QDir>
#include <QFileInfo>
#include <QHostAddress>

namespace ventanilla::media {

MediaConfig readMediaConfig(ConfigFile &config)
{
    MediaConfig media;
    media.cameraSource = config.string(QStringLiteral("media/camera"), media.cameraSource);
    media.microphoneSource = config.string(QStringLiteral("media/microphone"), media.microphoneSource);
    media.desktopSource = config.string(QStringLiteral("media/desktop"), media.desktopSource);
    media.audioSink = config.string(QStringLiteral("media/audio_output"), media.audioSink);
    media.width = config.integer(QStringLiteral("media/width"), media.width, 160, 3840);
    media.height = config.integer(QStringLiteral("media/height"), media.height, 120, 2160);
    media.framerate = config.integer(QStringLiteral("media/framerate"), media.framerate, 1, 60);
    media.videoBitrate_kbps
        = config.integer(QStringLiteral("media/video_bitrate_kbps"), media.videoBitrate_kbps, 100, 20000);
    media.desktopWidth = config.integer(QStringLiteral("media/desktop_width"), media.desktopWidth, 320, 3840);
    media.desktopHeight = config.integer(QStringLiteral("media/desktop_height"), media.desktopHeight, 240, 2160);
    media.desktopFramerate = config.integer(QStringLiteral("media/desktop_framerate"), media.desktopFramerate, 1, 30);
    media.desktopBitrate_kbps
        = config.integer(QStringLiteral("media/desktop_bitrate_kbps"), media.desktopBitrate_kbps, 100, 20000);
    media.audioBitrate_kbps
        = config.integer(QStringLiteral("media/audio_bitrate_kbps"), media.audioBitrate_kbps, 8, 256);
    media.jitterBuffer_ms = config.integer(QStringLiteral("media/jitter_buffer_ms"), media.jitterBuffer_ms, 0, 1000);
    media.videoSync = config.boolean(QStringLiteral("media/video_sync"), media.videoSync);
    const QString addresses = config.string(QStringLiteral("media/ice_local_addresses"), {});
    for (const QString &address : addresses.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        if (QHostAddress(address.trimmed()).isNull())
            config.invalid(QStringLiteral("media/ice_local_addresses"),
                QStringLiteral("\"%1\" is not an IP address").arg(address.trimmed()));
        else
            media.iceLocalAddresses << address.trimmed();
    }
    media.stunServer = config.string(QStringLiteral("media/stun_server"), {});
    if (!media.stunServer.isEmpty() && !media.stunServer.startsWith(QLatin1String("stun://")))
        config.invalid(QStringLiteral("media/stun_server"), QStringLiteral("must look like stun://host:port"));
    media.wireAudit = config.boolean(QStringLiteral("media/wire_audit"), false);
    media.latencyProbe = config.boolean(QStringLiteral("media/latency_probe"), false);
    return media;
}

QString resolveCameraSource(const QString &configured)
{
    if (configured != QLatin1String("auto"))
        return configured;
    if (QFileInfo::exists(QStringLiteral("/dev/video0")))
        return QStringLiteral("v4l2src device=/dev/video0");
    qCInfo(lcMedia) << "no camera at /dev/video0; sending a test picture";
    return QStringLiteral("videotestsrc is-live=true pattern=smpte");
}

QString resolveMicrophoneSource(const QString &configured)
{
    if (configured != QLatin1String("auto"))
        return configured;
    if (QFileInfo::exists(QStringLiteral("/dev/snd"))
        && !QDir(QStringLiteral("/dev/snd")).entryList({QStringLiteral("pcmC*c")}, QDir::System).isEmpty())
        return QStringLiteral("autoaudiosrc");
    qCInfo(lcMedia) << "no capture device in /dev/snd; sending a test tone";
    return QStringLiteral("audiotestsrc is-live=true wave=sine freq=440 volume=0.2");
}

QString resolveDesktopSource(const QString &configured)
{
    if (configured != QLatin1String("auto"))
        return configured;
    if (!qEnvironmentVariableIsEmpty("DISPLAY"))
        return QStringLiteral("ximagesrc use-damage=false show-pointer=true");
    qCInfo(lcMedia) << "no X11 display; the desktop share sends a test picture";
    return QStringLiteral("videotestsrc is-live=true pattern=ball");
}

QString resolveAudioSink(const QString &configured)
{
    if (configured != QLatin1String("auto"))
        return configured;
    if (QFileInfo::exists(QStringLiteral("/dev/snd"))
        && !QDir(QStringLiteral("/dev/snd")).entryList({QStringLiteral("pcmC*p")}, QDir::System).isEmpty())
        return QStringLiteral("autoaudiosink");
    qCInfo(lcMedia) << "no playback device in /dev/snd; received audio is decoded and discarded";
    return QStringLiteral("fakesink sync=true");
}

} // namespace ventanilla::media
