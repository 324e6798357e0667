// Reads what webrtcbin negotiated: the SRTP protection profile and the connection state.
#include "media_shared.h"

#include <gst/webrtc/webrtc.h>

namespace ventanilla::media {
namespace {

QString enumNick(GObject *object, const char *property)
{
    GValue value = G_VALUE_INIT;
    g_value_init(&value, G_PARAM_SPEC_VALUE_TYPE(g_object_class_find_property(G_OBJECT_GET_CLASS(object), property)));
    g_object_get_property(object, property, &value);
    GEnumClass *enumClass = G_ENUM_CLASS(g_type_class_ref(G_VALUE_TYPE(&value)));
    const GEnumValue *entry = g_enum_get_value(enumClass, g_value_get_enum(&value));
    QString nick = entry ? QString::fromLatin1(entry->value_nick) : QString();
    g_type_class_unref(enumClass);
    g_value_unset(&value);
    return nick;
}

bool dtlsConnected(GstElement *webrtc)
{
    GArray *transceivers = nullptr;
    g_signal_emit_by_name(webrtc, "get-transceivers", &transceivers);
    bool connected = false;
    for (guint i = 0; transceivers && i < transceivers->len && !connected; ++i) {
        auto *transceiver = g_array_index(transceivers, GstWebRTCRTPTransceiver *, i);
        GstWebRTCRTPSender *sender = nullptr;
        g_object_get(transceiver, "sender", &sender, nullptr);
        if (!sender)
            continue;
        GstWebRTCDTLSTransport *transport = nullptr;
        g_object_get(sender, "transport", &transport, nullptr);
        if (transport) {
            GstWebRTCDTLSTransportState state = GST_WEBRTC_DTLS_TRANSPORT_STATE_NEW;
            g_object_get(transport, "state", &state, nullptr);
            connected = state == GST_WEBRTC_DTLS_TRANSPORT_STATE_CONNECTED;
            gst_object_unref(transport);
        }
        gst_object_unref(sender);
    }
    if (transceivers)
        g_array_unref(transceivers);
    return connected;
}

// RFC 5764 / RFC 7714 names of the profiles srtpenc can be keyed with.
QString profileName(const QString &cipher, const QString &auth)
{
    if (cipher == QLatin1String("aes-128-icm") && auth == QLatin1String("hmac-sha1-80"))
        return QStringLiteral("SRTP_AES128_CM_HMAC_SHA1_80");
    if (cipher == QLatin1String("aes-128-icm") && auth == QLatin1String("hmac-sha1-32"))
        return QStringLiteral("SRTP_AES128_CM_HMAC_SHA1_32");
    if (cipher == QLatin1String("aes-128-gcm"))
        return QStringLiteral("SRTP_AEAD_AES_128_GCM");
    if (cipher == QLatin1String("aes-256-gcm"))
        return QStringLiteral("SRTP_AEAD_AES_256_GCM");
    if (cipher == QLatin1String("null"))
        return QStringLiteral("NULL (unencrypted)");
    return cipher + QLatin1Char('/') + auth;
}

} // namespace

QString negotiatedSrtpProfile(GstElement *webrtc)
{
    if (!webrtc || !dtlsConnected(webrtc))
        return {};
    QString profile;
    GstIterator *it = gst_bin_iterate_recurse(GST_BIN(webrtc));
    GValue item = G_VALUE_INIT;
    while (profile.isEmpty() && gst_iterator_next(it, &item) == GST_ITERATOR_OK) {
        auto *element = GST_ELEMENT(g_value_get_object(&item));
        GstElementFactory *factory = gst_element_get_factory(element);
        if (factory && g_str_equal(GST_OBJECT_NAME(factory), "srtpenc")) {
            // dtlssrtpenc sets these on its srtpenc from the DTLS-negotiated profile.
            GstMiniPtr<GstBuffer> key;
            GstBuffer *rawKey = nullptr;
            g_object_get(element, "key", &rawKey, nullptr);
            key.reset(rawKey);
            if (key)
                profile
                    = profileName(enumNick(G_OBJECT(element), "rtp-cipher"), enumNick(G_OBJECT(element), "rtp-auth"));
        }
        g_value_reset(&item);
    }
    g_value_unset(&item);
    gst_iterator_free(it);
    return profile;
}

QString peerConnectionStateName(GstElement *webrtc)
{
    GstWebRTCPeerConnectionState state = GST_WEBRTC_PEER_CONNECTION_STATE_NEW;
    g_object_get(webrtc, "connection-state", &state, nullptr);
    switch (state) {
    case GST_WEBRTC_PEER_CONNECTION_STATE_NEW:
        return QStringLiteral("new");
    case GST_WEBRTC_PEER_CONNECTION_STATE_CONNECTING:
        return QStringLiteral("connecting");
    case GST_WEBRTC_PEER_CONNECTION_STATE_CONNECTED:
        return QStringLiteral("connected");
    case GST_WEBRTC_PEER_CONNECTION_STATE_DISCONNECTED:
        return QStringLiteral("disconnected");
    case GST_WEBRTC_PEER_CONNECTION_STATE_FAILED:
        return QStringLiteral("failed");
    case GST_WEBRTC_PEER_CONNECTION_STATE_CLOSED:
        return QStringLiteral("closed");
    }
    return QStringLiteral("unknown");
}

} // namespace ventanilla::media
