// MediaSession: pipeline lifetime, SDP offer/answer, ICE, bus messages, stats, desktop share.
#include "media_shared.h"

#include "ventanilla/media/logging.h"

#include <QDateTime>

#include <gst/sdp/sdp.h>
#include <gst/video/video.h>
#include <gst/webrtc/webrtc.h>

namespace ventanilla::media {

// Static callbacks run on GStreamer threads; they touch only MediaShared and post to Qt.
struct MediaCallbacks {
    static void onNegotiationNeeded(GstElement *webrtc, gpointer data)
    {
        auto &shared = *static_cast<MediaShared *>(data);
        if (shared.role.load() != SdpRole::Offerer || shared.offerRequested.exchange(true))
            return;
        GstPromise *promise = gst_promise_new_with_change_func(&MediaCallbacks::onOfferCreated, &shared, nullptr);
        g_signal_emit_by_name(webrtc, "create-offer", nullptr, promise);
    }

    static void publishLocalDescription(MediaShared &shared, GstPromise *promise, const char *field, const char *type)
    {
        GstMiniPtr<GstPromise> owned(promise);
        if (gst_promise_wait(promise) != GST_PROMISE_RESULT_REPLIED) {
            reportFailure(shared, QStringLiteral("creating the SDP %1 was interrupted").arg(QLatin1String(type)));
            return;
        }
        const GstStructure *reply = gst_promise_get_reply(promise);
        GstWebRTCSessionDescription *description = nullptr;
        GError *rawError = nullptr;
        if (gst_structure_get(reply, "error", G_TYPE_ERROR, &rawError, nullptr)) {
            GErrorPtr error(rawError);
            reportFailure(shared,
                QStringLiteral("creating the SDP %1 failed: %2")
                    .arg(QLatin1String(type), QString::fromUtf8(error->message)));
            return;
        }
        gst_structure_get(reply, field, GST_TYPE_WEBRTC_SESSION_DESCRIPTION, &description, nullptr);
        if (!description) {
            reportFailure(shared, QStringLiteral("webrtcbin gave no SDP %1").arg(QLatin1String(type)));
            return;
        }
        g_signal_emit_by_name(shared.webrtc, "set-local-description", description, nullptr);
        GCharPtr text(gst_sdp_message_as_text(description->sdp));
        gst_webrtc_session_description_free(description);
        shared.bridge.post([session = shared.session, type = QString::fromLatin1(type),
                               sdp = QString::fromUtf8(text.get())] { Q_EMIT session->localDescription(type, sdp); });
    }

    static void onOfferCreated(GstPromise *promise, gpointer data)
    {
        publishLocalDescription(*static_cast<MediaShared *>(data), promise, "offer", "offer");
    }

    static void onAnswerCreated(GstPromise *promise, gpointer data)
    {
        publishLocalDescription(*static_cast<MediaShared *>(data), promise, "answer", "answer");
    }

    static void onRemoteDescriptionSet(GstPromise *promise, gpointer data)
    {
        auto &shared = *static_cast<MediaShared *>(data);
        gst_promise_unref(promise);
        if (shared.role.load() == SdpRole::Answerer) {
            GstPromise *answer = gst_promise_new_with_change_func(&MediaCallbacks::onAnswerCreated, &shared, nullptr);
            g_signal_emit_by_name(shared.webrtc, "create-answer", nullptr, answer);
        }
        shared.bridge.post([session = shared.session] { session->onRemoteDescriptionSet(); });
    }

    static void onIceCandidate(GstElement *, guint mline, gchar *candidate, gpointer data)
    {
        auto &shared = *static_cast<MediaShared *>(data);
        shared.bridge.post([session = shared.session, mline, text = QString::fromUtf8(candidate)] {
            Q_EMIT session->localCandidate(static_cast<int>(mline), text);
        });
    }

    static void onConnectionStateNotify(GstElement *webrtc, GParamSpec *, gpointer data)
    {
        auto &shared = *static_cast<MediaShared *>(data);
        shared.bridge.post(
            [session = shared.session, state = peerConnectionStateName(webrtc)] { session->onConnectionState(state); });
    }

    static void onStats(GstPromise *promise, gpointer data)
    {
        auto &shared = *static_cast<MediaShared *>(data);
        GstMiniPtr<GstPromise> owned(promise);
        if (gst_promise_wait(promise) != GST_PROMISE_RESULT_REPLIED)
            return;
        auto copy = std::make_shared<GstStructurePtr>(gst_structure_copy(gst_promise_get_reply(promise)));
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        shared.bridge.post([session = shared.session, copy, now] {
            const CallStats previous = session->m_stats;
            session->m_stats = parseWebrtcStats(copy->get(), now, session->m_ssrcKinds, previous);
            const double elapsed_s = previous.sampledAtMs > 0 ? (now - previous.sampledAtMs) / 1000.0 : 0;
            for (StreamStats &stream : session->m_stats.streams) {
                if (stream.direction != StreamDirection::Inbound || stream.kind == StreamKind::Audio)
                    continue;
                const bool camera = stream.kind == StreamKind::Video;
                const VideoFrameSource &source = camera ? session->m_remoteVideo : session->m_remoteDesktop;
                const qint64 frames = camera ? session->remoteVideoFrames() : session->remoteDesktopFrames();
                qint64 &previousFrames = camera ? session->m_previousVideoFrames : session->m_previousDesktopFrames;
                stream.width = source.frameSize().width();
                stream.height = source.frameSize().height();
                stream.framerate = elapsed_s > 0 ? (frames - previousFrames) / elapsed_s : 0;
                previousFrames = frames;
            }
            Q_EMIT session->statsUpdated();
        });
    }

    static GstBusSyncReply onBusMessage(GstBus *, GstMessage *message, gpointer data)
    {
        auto &shared = *static_cast<MediaShared *>(data);
        switch (GST_MESSAGE_TYPE(message)) {
        case GST_MESSAGE_ERROR:
        case GST_MESSAGE_WARNING:
        case GST_MESSAGE_EOS:
        case GST_MESSAGE_LATENCY: {
            // The message travels to the Qt thread; if the session is gone first, the
            // functor is destroyed with the event and the reference is released.
            std::shared_ptr<GstMessage> held(gst_message_ref(message), [](GstMessage *m) { gst_message_unref(m); });
            shared.bridge.post([session = shared.session, held] { session->onBusMessage(held.get()); });
            break;
        }
        default:
            break;
        }
        return GST_BUS_DROP;
    }

    static void reportFailure(MediaShared &shared, const QString &message)
    {
        qCWarning(lcMedia).noquote() << message;
        shared.bridge.post([session = shared.session, message] { Q_EMIT session->failed(message); });
    }
};

MediaSession::MediaSession(MediaConfig config, QObject *parent)
    : QObject(parent), m_config(std::move(config)), m_remoteVideo(this), m_remoteDesktop(this), m_localPreview(this)
{
    m_statsTimer.setInterval(1000);
    connect(&m_statsTimer, &QTimer::timeout, this, &MediaSession::pollStats);
}

MediaSession::~MediaSession()
{
    stop();
}

bool MediaSession::running() const
{
    return m_shared && m_shared->pipeline;
}

Status MediaSession::start(SdpRole role)
{
    if (running())
        return failure(QStringLiteral("the call's media is already running"));
    m_role = role;
    m_shared = std::make_shared<MediaShared>(this);
    m_shared->role = role;
    m_shared->audioSinkDescription = resolveAudioSink(m_config.audioSink);
    m_shared->latencyProbe = m_config.latencyProbe;
    m_shared->videoSync = m_config.videoSync;
    if (auto built = buildPipeline(); !built) {
        stop();
        return built;
    }
    if (gst_element_set_state(m_shared->pipeline.get(), GST_STATE_PLAYING) == GST_STATE_CHANGE_FAILURE) {
        dumpGraph(QStringLiteral("start-failed"));
        stop();
        return failure(QStringLiteral("the media pipeline could not start (is the camera or microphone in use?)"));
    }
    m_statsTimer.start();
    qCInfo(lcMedia) << "media started as" << (role == SdpRole::Offerer ? "offerer" : "answerer");
    return success();
}

Status MediaSession::buildPipeline()
{
    MediaShared &shared = *m_shared;
    GstElement *pipeline = gst_pipeline_new("call");
    gst_object_ref_sink(pipeline);
    shared.pipeline = adopt(pipeline);
    shared.webrtc = gst_element_factory_make("webrtcbin", "webrtc");
    if (!shared.webrtc)
        return failure(
            QStringLiteral("GStreamer has no webrtcbin (install gstreamer1.0-plugins-bad and gstreamer1.0-nice)"));
    gst_util_set_object_arg(G_OBJECT(shared.webrtc), "bundle-policy", "max-bundle");
    g_object_set(shared.webrtc, "latency", static_cast<guint>(m_config.jitterBuffer_ms), nullptr);
    if (!m_config.stunServer.isEmpty())
        g_object_set(shared.webrtc, "stun-server", m_config.stunServer.toUtf8().constData(), nullptr);
    gst_bin_add(GST_BIN(pipeline), shared.webrtc); // sinks the floating ref: the pipeline owns it
    restrictIceAddresses(shared.webrtc, m_config.iceLocalAddresses);

    GstPtr<GstBus> bus = adopt(gst_element_get_bus(pipeline));
    gst_bus_set_sync_handler(bus.get(), &MediaCallbacks::onBusMessage, &shared, nullptr);
    g_signal_connect(shared.webrtc, "on-negotiation-needed", G_CALLBACK(&MediaCallbacks::onNegotiationNeeded), &shared);
    g_signal_connect(shared.webrtc, "on-ice-candidate", G_CALLBACK(&MediaCallbacks::onIceCandidate), &shared);
    g_signal_connect(
        shared.webrtc, "notify::connection-state", G_CALLBACK(&MediaCallbacks::onConnectionStateNotify), &shared);
    connectReceiveSide(shared);
    return buildSendBranches(shared, m_config);
}

void MediaSession::stop()
{
    m_statsTimer.stop();
    if (!m_shared)
        return;
    // Order matters: stop posting to us, then stop the threads, then free what they used.
    m_shared->bridge.detach();
    if (m_shared->pipeline) {
        gst_element_set_state(m_shared->pipeline.get(), GST_STATE_NULL);
        GstPtr<GstBus> bus = adopt(gst_element_get_bus(m_shared->pipeline.get()));
        gst_bus_set_sync_handler(bus.get(), nullptr, nullptr, nullptr);
        if (m_shared->desktopSource)
            gst_element_set_state(m_shared->desktopSource.get(), GST_STATE_NULL);
    }
    m_shared.reset();
    m_remoteDescriptionSet = false;
    m_desktopSharing = false;
    m_pendingCandidates.clear();
    m_remoteVideo.clear();
    m_remoteDesktop.clear();
    m_localPreview.clear();
    qCInfo(lcMedia) << "media stopped";
}

void MediaSession::setRemoteDescription(const QString &type, const QString &sdp)
{
    if (!running())
        return;
    GstSDPMessage *message = nullptr;
    gst_sdp_message_new_from_text(sdp.toUtf8().constData(), &message);
    if (!message || gst_sdp_message_medias_len(message) == 0) {
        if (message)
            gst_sdp_message_free(message);
        qCWarning(lcMedia) << "the peer's SDP" << type << "is not valid SDP";
        Q_EMIT failed(QStringLiteral("the other side sent an unreadable media description"));
        return;
    }
    const bool isOffer = type == QLatin1String("offer");
    if (isOffer != (m_role == SdpRole::Answerer)) {
        gst_sdp_message_free(message);
        qCWarning(lcMedia) << "unexpected SDP" << type << "for our role; ignored";
        return;
    }
    m_ssrcKinds = m_shared->localSsrcs;
    m_ssrcKinds.insert(ssrcKindsFromSdp(sdp, kMlineKinds));
    // The description takes ownership of message.
    GstWebRTCSessionDescription *description
        = gst_webrtc_session_description_new(isOffer ? GST_WEBRTC_SDP_TYPE_OFFER : GST_WEBRTC_SDP_TYPE_ANSWER, message);
    GstPromise *promise
        = gst_promise_new_with_change_func(&MediaCallbacks::onRemoteDescriptionSet, m_shared.get(), nullptr);
    g_signal_emit_by_name(m_shared->webrtc, "set-remote-description", description, promise);
    gst_webrtc_session_description_free(description);
}

void MediaSession::onRemoteDescriptionSet()
{
    m_remoteDescriptionSet = true;
    for (const auto &[mline, candidate] : std::exchange(m_pendingCandidates, {}))
        addRemoteCandidate(mline, candidate);
}

void MediaSession::addRemoteCandidate(int mline, const QString &candidate)
{
    if (!running())
        return;
    if (!m_remoteDescriptionSet) {
        m_pendingCandidates.append({mline, candidate});
        return;
    }
    if (mline < 0 || mline >= kMlineKinds.size()) {
        qCWarning(lcMedia) << "ignoring an ICE candidate for m-line" << mline;
        return;
    }
    g_signal_emit_by_name(
        m_shared->webrtc, "add-ice-candidate", static_cast<guint>(mline), candidate.toUtf8().constData());
}

void MediaSession::onConnectionState(const QString &state)
{
    if (state == m_connectionState)
        return;
    m_connectionState = state;
    qCInfo(lcMedia).noquote() << "peer connection" << state;
    if (state == QLatin1String("connected") && m_config.wireAudit && running())
        m_shared->wireAudit.watchWire(m_shared->webrtc);
    if (state == QLatin1String("failed"))
        Q_EMIT failed(QStringLiteral("the media connection to the other side failed"));
    Q_EMIT connectionStateChanged(state);
}

void MediaSession::onBusMessage(GstMessage *message)
{
    GErrorPtr error;
    GCharPtr debug;
    GError *rawError = nullptr;
    gchar *rawDebug = nullptr;
    const QString source = QString::fromUtf8(GST_OBJECT_NAME(GST_MESSAGE_SRC(message)));
    switch (GST_MESSAGE_TYPE(message)) {
    case GST_MESSAGE_ERROR:
        gst_message_parse_error(message, &rawError, &rawDebug);
        error.reset(rawError);
        debug.reset(rawDebug);
        qCWarning(lcMedia).noquote() << "pipeline error from" << source << ":" << error->message << "|"
                                     << (debug ? debug.get() : "");
        dumpGraph(QStringLiteral("error"));
        Q_EMIT failed(QStringLiteral("media error in %1: %2").arg(source, QString::fromUtf8(error->message)));
        break;
    case GST_MESSAGE_WARNING:
        gst_message_parse_warning(message, &rawError, &rawDebug);
        error.reset(rawError);
        debug.reset(rawDebug);
        qCWarning(lcMedia).noquote() << "pipeline warning from" << source << ":" << error->message;
        break;
    case GST_MESSAGE_EOS:
        qCInfo(lcMedia) << "pipeline reached end of stream";
        break;
    case GST_MESSAGE_LATENCY:
        // Without this, sinks keep the latency computed before all streams existed.
        if (running())
            gst_bin_recalculate_latency(GST_BIN(m_shared->pipeline.get()));
        break;
    default:
        break;
    }
}

void MediaSession::pollStats()
{
    if (!running())
        return;
    GstPromise *promise = gst_promise_new_with_change_func(&MediaCallbacks::onStats, m_shared.get(), nullptr);
    g_signal_emit_by_name(m_shared->webrtc, "get-stats", nullptr, promise);
}

void deliverFrame(MediaSession &session, StreamKind kind)
{
    if (!session.running())
        return;
    MediaShared &shared = *session.m_shared;
    FrameSlot &slot = kind == StreamKind::Video ? shared.video
        : kind == StreamKind::Desktop           ? shared.desktop
                                                : shared.preview;
    slot.notifyPending = false;
    QImage frame;
    {
        std::lock_guard lock(slot.mutex);
        frame = std::exchange(slot.latest, QImage());
    }
    if (frame.isNull())
        return;
    VideoFrameSource &target = kind == StreamKind::Video ? session.m_remoteVideo
        : kind == StreamKind::Desktop                    ? session.m_remoteDesktop
                                                         : session.m_localPreview;
    const bool firstDesktop = kind == StreamKind::Desktop && !target.active();
    target.setFrame(frame);
    if (firstDesktop)
        Q_EMIT session.remoteDesktopStarted();
}

Status MediaSession::startDesktopShare()
{
    if (!running())
        return failure(QStringLiteral("there is no call to share the desktop in"));
    if (m_desktopSharing)
        return success();
    QString error;
    GstPtr<GstElement> source = makeDesktopSourceBin(m_config, &error);
    if (!source)
        return failure(QStringLiteral("desktop source \"%1\": %2").arg(m_config.desktopSource, error));
    gst_bin_add(GST_BIN(m_shared->pipeline.get()), GST_ELEMENT(gst_object_ref(source.get())));
    GstPtr<GstPad> out = adopt(gst_element_get_static_pad(source.get(), "src"));
    GstPtr<GstPad> in = adopt(gst_element_get_static_pad(m_shared->desktopEncoder, "sink"));
    if (gst_pad_link(out.get(), in.get()) != GST_PAD_LINK_OK || !gst_element_sync_state_with_parent(source.get())) {
        gst_element_set_state(source.get(), GST_STATE_NULL);
        gst_bin_remove(GST_BIN(m_shared->pipeline.get()), source.get());
        return failure(QStringLiteral("the desktop source could not start"));
    }
    // A new source starts mid-stream: ask the encoder for a key frame so the peer can decode at once.
    gst_pad_send_event(in.get(),
        gst_video_event_new_downstream_force_key_unit(
            GST_CLOCK_TIME_NONE, GST_CLOCK_TIME_NONE, GST_CLOCK_TIME_NONE, TRUE, 0));
    m_shared->desktopSource = std::move(source);
    m_desktopSharing = true;
    qCInfo(lcMedia) << "desktop share started";
    return success();
}

void MediaSession::stopDesktopShare()
{
    if (!m_desktopSharing || !running())
        return;
    GstPtr<GstElement> source = std::move(m_shared->desktopSource);
    GstPtr<GstPad> out = adopt(gst_element_get_static_pad(source.get(), "src"));
    // Unlinking a pad that is pushing is safe in GStreamer: the push then returns NOT_LINKED,
    // which only stops this source; we then take it out of the pipeline.
    GstPtr<GstPad> peer = adopt(gst_pad_get_peer(out.get()));
    if (peer)
        gst_pad_unlink(out.get(), peer.get());
    gst_element_set_state(source.get(), GST_STATE_NULL);
    gst_bin_remove(GST_BIN(m_shared->pipeline.get()), source.get());
    m_desktopSharing = false;
    qCInfo(lcMedia) << "desktop share stopped";
}

qint64 MediaSession::remoteVideoFrames() const
{
    return m_shared ? m_shared->video.frames.load() : 0;
}
qint64 MediaSession::remoteDesktopFrames() const
{
    return m_shared ? m_shared->desktop.frames.load() : 0;
}
qint64 MediaSession::remoteAudioPackets() const
{
    return m_shared ? m_shared->audioPackets.load() : 0;
}
qint64 MediaSession::firstRemoteVideoFrameAtMs() const
{
    return m_shared ? m_shared->firstVideoFrameAtMs.load() : 0;
}
qint64 MediaSession::wirePacketsAudited() const
{
    return m_shared ? m_shared->wireAudit.audited() : 0;
}
qint64 MediaSession::wirePlaintextLeaks() const
{
    return m_shared ? m_shared->wireAudit.leaks() : 0;
}

QList<double> MediaSession::takeLatencySamples()
{
    return m_shared ? m_shared->latency.take() : QList<double>();
}

QString MediaSession::srtpProfile() const
{
    return running() ? negotiatedSrtpProfile(m_shared->webrtc) : QString();
}

void MediaSession::dumpGraph(const QString &name) const
{
    if (running())
        GST_DEBUG_BIN_TO_DOT_FILE_WITH_TS(GST_BIN(m_shared->pipeline.get()), GST_DEBUG_GRAPH_SHOW_ALL,
            QStringLiteral("ventanilla-%1").arg(name).toUtf8().constData());
}

} // namespace ventanilla::media
