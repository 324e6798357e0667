// Builds the call pipeline around webrtcbin: the send branches (audio, camera, desktop
// encoder) and, as the peer's streams arrive, the decode branches that feed Qt.
#include "media_shared.h"

#include "ventanilla/media/logging.h"

#include <QDateTime>
#include <QRandomGenerator>

#include <agent.h>
#include <gst/app/gstappsink.h>
#include <gst/video/video.h>
#include <gst/webrtc/webrtc.h>

namespace ventanilla::media {
namespace {

constexpr int kAudioPayload = 111;
constexpr int kVideoPayload = 96;
constexpr int kDesktopPayload = 97;

QString vp8Encoder(int bitrate_kbps, int framerate)
{
    // Realtime deadline, no look-ahead: the defaults buffer frames and cannot keep up at 720p.
    return QStringLiteral("vp8enc deadline=1 cpu-used=8 threads=2 end-usage=cbr target-bitrate=%1 "
                          "lag-in-frames=0 keyframe-max-dist=%2 error-resilient=default buffer-size=500 "
                          "buffer-initial-size=300 buffer-optimal-size=400 undershoot=95")
        .arg(bitrate_kbps * 1000)
        .arg(framerate * 3);
}

// One outgoing RTP stream. Its SSRC is fixed before negotiation and written into the caps:
// webrtcbin puts caps' SSRCs into the SDP (a=ssrc), and in a BUNDLE the receiver maps an
// SSRC it did not see in the SDP to m-line 0. Without this, a stream whose first packet
// comes after the offer (the desktop share, always) would be taken for audio.
struct RtpStream {
    const char *media;
    const char *encoding;
    int payload;
    int clockRate;
    quint32 ssrc;

    QString caps() const
    {
        return QStringLiteral("application/x-rtp,media=%1,encoding-name=%2,payload=%3,clock-rate=%4,ssrc=(uint)%5")
            .arg(QLatin1String(media), QLatin1String(encoding))
            .arg(payload)
            .arg(clockRate)
            .arg(ssrc);
    }
    // Bare caps at the end of a launch description would parse as an element name.
    QString capsFilter() const { return QStringLiteral("capsfilter caps=\"%1\"").arg(caps()); }
    QString payloaderOptions() const { return QStringLiteral("pt=%1 ssrc=%2").arg(payload).arg(ssrc); }
};

quint32 randomSsrc()
{
    return QRandomGenerator::global()->bounded(1u, 0xfffffff0u);
}

GstPtr<GstElement> parseBin(const QString &description, QString *error)
{
    GError *raw = nullptr;
    GstElement *bin = gst_parse_bin_from_description_full(
        description.toUtf8().constData(), TRUE, nullptr, GST_PARSE_FLAG_FATAL_ERRORS, &raw);
    GErrorPtr parseError(raw);
    if (!bin) {
        *error = QString::fromUtf8(parseError ? parseError->message : "unknown error");
        return {};
    }
    gst_object_ref_sink(bin); // the parser hands back a floating ref: make it ours
    return adopt(bin);
}

// Adds branch to the pipeline, links it to a new webrtcbin sink pad and sets the
// transceiver's codec and direction. The m-line is the order of calls.
Status addSendBranch(MediaShared &shared, GstPtr<GstElement> branch, const QString &caps, bool video, const char *what)
{
    gst_bin_add(
        GST_BIN(shared.pipeline.get()), GST_ELEMENT(gst_object_ref(branch.get()))); // the pipeline takes its own ref
    GstPtr<GstPad> source = adopt(gst_element_get_static_pad(branch.get(), "src"));
    GstPtr<GstPad> sink = adopt(gst_element_request_pad_simple(shared.webrtc, "sink_%u"));
    if (!source || !sink || gst_pad_link(source.get(), sink.get()) != GST_PAD_LINK_OK)
        return failure(QStringLiteral("cannot link the %1 branch to webrtcbin").arg(QLatin1String(what)));
    GstWebRTCRTPTransceiver *transceiver = nullptr;
    g_object_get(sink.get(), "transceiver", &transceiver, nullptr);
    GstMiniPtr<GstCaps> preferences(gst_caps_from_string(caps.toUtf8().constData()));
    g_object_set(transceiver, "direction", GST_WEBRTC_RTP_TRANSCEIVER_DIRECTION_SENDRECV, "codec-preferences",
        preferences.get(), nullptr);
    if (video)
        g_object_set(transceiver, "do-nack", TRUE, nullptr); // retransmissions repair lost video packets
    gst_object_unref(transceiver);
    return success();
}

// --- receive side, all on streaming threads ---------------------------------------------

struct MappedSample {
    GstSample *sample;
    GstVideoFrame frame;
};

void releaseMappedSample(void *info)
{
    auto *mapped = static_cast<MappedSample *>(info);
    gst_video_frame_unmap(&mapped->frame);
    gst_sample_unref(mapped->sample);
    delete mapped;
}

// Wraps the decoded frame in a QImage without copying; the sample lives as long as the image.
QImage imageFromSample(GstSample *sample)
{
    GstVideoInfo info;
    if (!gst_video_info_from_caps(&info, gst_sample_get_caps(sample)))
        return {};
    auto *mapped = new MappedSample{gst_sample_ref(sample), {}};
    if (!gst_video_frame_map(&mapped->frame, &info, gst_sample_get_buffer(sample), GST_MAP_READ)) {
        gst_sample_unref(mapped->sample);
        delete mapped;
        return {};
    }
    return QImage(static_cast<const uchar *>(GST_VIDEO_FRAME_PLANE_DATA(&mapped->frame, 0)),
        GST_VIDEO_INFO_WIDTH(&info), GST_VIDEO_INFO_HEIGHT(&info), GST_VIDEO_FRAME_PLANE_STRIDE(&mapped->frame, 0),
        QImage::Format_RGB32, releaseMappedSample, mapped);
}

struct SinkContext {
    MediaShared *shared;
    StreamKind kind;
};

GstFlowReturn onNewSample(GstAppSink *sink, gpointer data)
{
    const auto *context = static_cast<SinkContext *>(data);
    MediaShared &shared = *context->shared;
    GstMiniPtr<GstSample> sample(gst_app_sink_pull_sample(sink));
    if (!sample)
        return GST_FLOW_EOS;
    QImage image = imageFromSample(sample.get());
    if (image.isNull())
        return GST_FLOW_OK;
    if (context->kind == StreamKind::Video && shared.latencyProbe) {
        if (const auto stamp = readTimeStamp(image))
            shared.latency.add((g_get_monotonic_time() - *stamp) / 1000.0);
    }
    FrameSlot &slot = context->kind == StreamKind::Video ? shared.video
        : context->kind == StreamKind::Desktop           ? shared.desktop
                                                         : shared.preview;
    {
        std::lock_guard lock(slot.mutex);
        slot.latest = std::move(image);
    }
    slot.frames.fetch_add(1);
    if (context->kind == StreamKind::Video) {
        qint64 expected = 0;
        if (shared.firstVideoFrameAtMs.compare_exchange_strong(expected, QDateTime::currentMSecsSinceEpoch())) {
            shared.bridge.post([session = shared.session] { Q_EMIT session->firstRemoteVideoFrame(); });
        }
    }
    if (!slot.notifyPending.exchange(true)) {
        shared.bridge.post([session = shared.session, kind = context->kind] { deliverFrame(*session, kind); });
    }
    return GST_FLOW_OK;
}

void attachAppSink(MediaShared &shared, GstElement *bin, StreamKind kind)
{
    GstPtr<GstElement> sink = adopt(gst_bin_get_by_name(GST_BIN(bin), "frames"));
    if (!sink)
        return;
    GstAppSinkCallbacks callbacks{};
    callbacks.new_sample = onNewSample;
    gst_app_sink_set_callbacks(GST_APP_SINK(sink.get()), &callbacks, new SinkContext{&shared, kind},
        [](gpointer data) { delete static_cast<SinkContext *>(data); });
}

GstPadProbeReturn countPackets(GstPad *, GstPadProbeInfo *info, gpointer data)
{
    auto *counter = static_cast<std::atomic<qint64> *>(data);
    if (info->type & GST_PAD_PROBE_TYPE_BUFFER_LIST)
        counter->fetch_add(gst_buffer_list_length(GST_PAD_PROBE_INFO_BUFFER_LIST(info)));
    else
        counter->fetch_add(1);
    return GST_PAD_PROBE_OK;
}

StreamKind kindOfPad(GstPad *pad)
{
    GstWebRTCRTPTransceiver *transceiver = nullptr;
    g_object_get(pad, "transceiver", &transceiver, nullptr);
    if (!transceiver)
        return StreamKind::Unknown;
    guint mline = 0;
    g_object_get(transceiver, "mlineindex", &mline, nullptr);
    gst_object_unref(transceiver);
    return mline < static_cast<guint>(kMlineKinds.size()) ? kMlineKinds[static_cast<int>(mline)] : StreamKind::Unknown;
}

void onPadAdded(GstElement *, GstPad *pad, gpointer data)
{
    auto &shared = *static_cast<MediaShared *>(data);
    if (GST_PAD_DIRECTION(pad) != GST_PAD_SRC)
        return;
    const StreamKind kind = kindOfPad(pad);
    QString description;
    switch (kind) {
    case StreamKind::Audio:
        description = QStringLiteral("queue ! rtpopusdepay ! opusdec plc=true ! audioconvert ! audioresample ! ")
            + shared.audioSinkDescription;
        gst_pad_add_probe(pad, static_cast<GstPadProbeType>(GST_PAD_PROBE_TYPE_BUFFER | GST_PAD_PROBE_TYPE_BUFFER_LIST),
            countPackets, &shared.audioPackets, nullptr);
        break;
    case StreamKind::Video:
    case StreamKind::Desktop:
        // Without video_sync each frame is shown as soon as it is decoded: in-order packets
        // leave the jitter buffer at once, so its latency does not delay the picture.
        description = QStringLiteral("queue ! rtpvp8depay ! vp8dec ! videoconvert ! video/x-raw,format=BGRx ! "
                                     "appsink name=frames sync=%1 max-buffers=1 drop=true")
                          .arg(shared.videoSync ? QStringLiteral("true") : QStringLiteral("false"));
        break;
    case StreamKind::Unknown:
        qCWarning(lcMedia) << "ignoring a stream on an unexpected m-line";
        description = QStringLiteral("fakesink");
        break;
    }
    QString error;
    GstPtr<GstElement> bin = parseBin(description, &error);
    if (!bin) {
        qCWarning(lcMedia).noquote() << "cannot build the receive branch:" << error;
        return;
    }
    attachAppSink(shared, bin.get(), kind);
    gst_bin_add(GST_BIN(shared.pipeline.get()), GST_ELEMENT(gst_object_ref(bin.get())));
    gst_element_sync_state_with_parent(bin.get());
    GstPtr<GstPad> sink = adopt(gst_element_get_static_pad(bin.get(), "sink"));
    if (gst_pad_link(pad, sink.get()) != GST_PAD_LINK_OK)
        qCWarning(lcMedia) << "cannot link the received" << streamKindName(kind) << "stream";
    else
        qCInfo(lcMedia) << "receiving" << streamKindName(kind);
}

} // namespace

void restrictIceAddresses(GstElement *webrtc, const QStringList &addresses)
{
    if (addresses.isEmpty())
        return;
    GstWebRTCICE *ice = nullptr;
    g_object_get(webrtc, "ice-agent", &ice, nullptr);
    GstPtr<GstWebRTCICE> iceOwner = adopt(ice);
    NiceAgent *agent = nullptr;
    if (ice && g_object_class_find_property(G_OBJECT_GET_CLASS(ice), "agent"))
        g_object_get(ice, "agent", &agent, nullptr);
    if (!agent) {
        qCWarning(lcMedia) << "cannot restrict ICE addresses: this ICE implementation has no libnice agent";
        return;
    }
    for (const QString &address : addresses) {
        NiceAddress nice;
        nice_address_init(&nice);
        if (nice_address_set_from_string(&nice, address.toUtf8().constData()))
            nice_agent_add_local_address(agent, &nice);
    }
    g_object_unref(agent);
}

Status buildSendBranches(MediaShared &shared, const MediaConfig &config)
{
    QString error;
    const RtpStream audioStream{"audio", "OPUS", kAudioPayload, 48000, randomSsrc()};
    const RtpStream cameraStream{"video", "VP8", kVideoPayload, 90000, randomSsrc()};
    const RtpStream desktopStream{"video", "VP8", kDesktopPayload, 90000, randomSsrc()};
    shared.localSsrcs = {{audioStream.ssrc, StreamKind::Audio}, {cameraStream.ssrc, StreamKind::Video},
        {desktopStream.ssrc, StreamKind::Desktop}};
    const QString audio
        = QStringLiteral("%1 ! audioconvert ! audioresample ! queue max-size-time=100000000 leaky=downstream ! "
                         "opusenc bitrate=%2 frame-size=20 inband-fec=true packet-loss-percentage=10 ! "
                         "rtpopuspay %3 ! %4")
              .arg(resolveMicrophoneSource(config.microphoneSource))
              .arg(config.audioBitrate_kbps * 1000)
              .arg(audioStream.payloaderOptions(), audioStream.capsFilter());
    GstPtr<GstElement> audioBin = parseBin(audio, &error);
    if (!audioBin)
        return failure(QStringLiteral("microphone pipeline \"%1\": %2").arg(config.microphoneSource, error));

    const QString camera = QStringLiteral(
        "%1 ! videoconvert ! videoscale ! videorate ! video/x-raw,format=I420,width=%2,height=%3,framerate=%4/1 ! "
        "identity name=capture ! tee name=camera "
        "camera. ! queue max-size-buffers=1 leaky=downstream ! %5 ! rtpvp8pay %6 picture-id-mode=15-bit mtu=1200 ! %7 "
        "camera. ! queue max-size-buffers=1 leaky=downstream ! videoscale ! videorate ! "
        "video/x-raw,width=320,height=180,framerate=15/1 ! videoconvert ! video/x-raw,format=BGRx ! "
        "appsink name=frames sync=false max-buffers=1 drop=true")
                               .arg(resolveCameraSource(config.cameraSource))
                               .arg(config.width)
                               .arg(config.height)
                               .arg(config.framerate)
                               .arg(vp8Encoder(config.videoBitrate_kbps, config.framerate),
                                   cameraStream.payloaderOptions(), cameraStream.capsFilter());
    GstPtr<GstElement> cameraBin = parseBin(camera, &error);
    if (!cameraBin)
        return failure(QStringLiteral("camera pipeline \"%1\": %2").arg(config.cameraSource, error));
    attachAppSink(shared, cameraBin.get(), StreamKind::Unknown); // the local preview
    if (config.latencyProbe) {
        GstPtr<GstElement> capture = adopt(gst_bin_get_by_name(GST_BIN(cameraBin.get()), "capture"));
        GstPtr<GstPad> captured = adopt(gst_element_get_static_pad(capture.get(), "src"));
        stampBuffersOn(captured.get(), config.width, config.height);
    }

    // The desktop encoder stays for the whole call; share sources come and go in front of it.
    const QString desktop = QStringLiteral("queue name=desktop_in max-size-buffers=2 leaky=downstream ! %1 ! "
                                           "rtpvp8pay %2 picture-id-mode=15-bit mtu=1200 ! %3")
                                .arg(vp8Encoder(config.desktopBitrate_kbps, config.desktopFramerate),
                                    desktopStream.payloaderOptions(), desktopStream.capsFilter());
    GstPtr<GstElement> desktopBin = parseBin(desktop, &error);
    if (!desktopBin)
        return failure(QStringLiteral("desktop encoder: %1").arg(error));
    shared.desktopEncoder = desktopBin.get();

    if (config.wireAudit) {
        for (GstElement *bin : {audioBin.get(), cameraBin.get(), desktopBin.get()})
            shared.wireAudit.watchPlaintext(bin);
    }
    if (auto linked = addSendBranch(shared, std::move(audioBin), audioStream.caps(), false, "audio"); !linked)
        return linked;
    if (auto linked = addSendBranch(shared, std::move(cameraBin), cameraStream.caps(), true, "camera"); !linked)
        return linked;
    return addSendBranch(shared, std::move(desktopBin), desktopStream.caps(), true, "desktop");
}

void connectReceiveSide(MediaShared &shared)
{
    g_signal_connect(shared.webrtc, "pad-added", G_CALLBACK(onPadAdded), &shared);
}

GstPtr<GstElement> makeDesktopSourceBin(const MediaConfig &config, QString *error)
{
    const QString description
        = QStringLiteral("%1 ! videoconvert ! videoscale ! videorate ! "
                         "capsfilter caps=\"video/x-raw,format=I420,width=%2,height=%3,framerate=%4/1\"")
              .arg(resolveDesktopSource(config.desktopSource))
              .arg(config.desktopWidth)
              .arg(config.desktopHeight)
              .arg(config.desktopFramerate);
    return parseBin(description, error);
}

} // namespace ventanilla::media
