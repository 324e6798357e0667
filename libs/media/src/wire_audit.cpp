// Plaintext-versus-wire comparison of outgoing RTP packets.
#include "wire_audit.h"

#include "ventanilla/media/gst_ptr.h"
#include "ventanilla/media/logging.h"

#include <gst/rtp/gstrtpbuffer.h>

namespace ventanilla::media {
namespace {

constexpr size_t kRemembered = 8192;
constexpr int kPrefixBytes = 16;

quint64 key(quint32 ssrc, quint16 seq)
{
    return (static_cast<quint64>(ssrc) << 16) | seq;
}

void forEachBuffer(GstPadProbeInfo *info, const std::function<void(GstBuffer *)> &visit)
{
    if (info->type & GST_PAD_PROBE_TYPE_BUFFER_LIST) {
        GstBufferList *list = GST_PAD_PROBE_INFO_BUFFER_LIST(info);
        for (guint i = 0; i < gst_buffer_list_length(list); ++i)
            visit(gst_buffer_list_get(list, i));
    } else if (GstBuffer *buffer = GST_PAD_PROBE_INFO_BUFFER(info)) {
        visit(buffer);
    }
}

constexpr auto kBufferProbes = static_cast<GstPadProbeType>(GST_PAD_PROBE_TYPE_BUFFER | GST_PAD_PROBE_TYPE_BUFFER_LIST);

} // namespace

void WireAudit::watchPlaintext(GstElement *sendBranch)
{
    GstPtr<GstPad> pad = adopt(gst_element_get_static_pad(sendBranch, "src"));
    if (pad)
        gst_pad_add_probe(pad.get(), kBufferProbes, &WireAudit::onPlaintext, this, nullptr);
}

void WireAudit::watchWire(GstElement *webrtc)
{
    if (m_wireWatched)
        return;
    GstIterator *it = gst_bin_iterate_recurse(GST_BIN(webrtc));
    GValue item = G_VALUE_INIT;
    int sinks = 0;
    while (gst_iterator_next(it, &item) == GST_ITERATOR_OK) {
        auto *element = GST_ELEMENT(g_value_get_object(&item));
        GstElementFactory *factory = gst_element_get_factory(element);
        if (factory && g_str_equal(GST_OBJECT_NAME(factory), "nicesink")) {
            GstPtr<GstPad> pad = adopt(gst_element_get_static_pad(element, "sink"));
            gst_pad_add_probe(pad.get(), kBufferProbes, &WireAudit::onWire, this, nullptr);
            ++sinks;
        }
        g_value_reset(&item);
    }
    g_value_unset(&item);
    gst_iterator_free(it);
    m_wireWatched = sinks > 0;
    qCInfo(lcMedia) << "wire audit watching" << sinks << "ICE sink(s)";
}

GstPadProbeReturn WireAudit::onPlaintext(GstPad *, GstPadProbeInfo *info, gpointer self)
{
    forEachBuffer(info, [self](GstBuffer *buffer) { static_cast<WireAudit *>(self)->rememberPlaintext(buffer); });
    return GST_PAD_PROBE_OK;
}

GstPadProbeReturn WireAudit::onWire(GstPad *, GstPadProbeInfo *info, gpointer self)
{
    forEachBuffer(info, [self](GstBuffer *buffer) { static_cast<WireAudit *>(self)->checkWire(buffer); });
    return GST_PAD_PROBE_OK;
}

void WireAudit::rememberPlaintext(GstBuffer *buffer)
{
    GstRTPBuffer rtp = GST_RTP_BUFFER_INIT;
    if (!gst_rtp_buffer_map(buffer, GST_MAP_READ, &rtp))
        return;
    const guint length = gst_rtp_buffer_get_payload_len(&rtp);
    if (length >= static_cast<guint>(kPrefixBytes)) {
        const QByteArray prefix(static_cast<const char *>(gst_rtp_buffer_get_payload(&rtp)), kPrefixBytes);
        const quint64 k = key(gst_rtp_buffer_get_ssrc(&rtp), gst_rtp_buffer_get_seq(&rtp));
        std::lock_guard lock(m_mutex);
        if (m_payloads.insert_or_assign(k, prefix).second)
            m_order.push_back(k);
        while (m_order.size() > kRemembered) {
            m_payloads.erase(m_order.front());
            m_order.pop_front();
        }
    }
    gst_rtp_buffer_unmap(&rtp);
}

void WireAudit::checkWire(GstBuffer *buffer)
{
    GstMapInfo map;
    if (!gst_buffer_map(buffer, &map, GST_MAP_READ))
        return;
    const guint8 *data = map.data;
    const gsize size = map.size;
    // RTP version 2, and a payload type outside the RTCP range (RFC 5761 multiplexing).
    const bool looksRtp = size >= 12 && (data[0] >> 6) == 2 && !((data[1] & 0x7f) >= 64 && (data[1] & 0x7f) <= 95);
    if (looksRtp) {
        gsize offset = 12 + 4 * static_cast<gsize>(data[0] & 0x0f);
        if ((data[0] & 0x10) && offset + 4 <= size)
            offset += 4 + 4 * ((static_cast<gsize>(data[offset + 2]) << 8) | data[offset + 3]);
        const quint16 seq = static_cast<quint16>((data[2] << 8) | data[3]);
        const quint32 ssrc = (static_cast<quint32>(data[8]) << 24) | (static_cast<quint32>(data[9]) << 16)
            | (static_cast<quint32>(data[10]) << 8) | data[11];
        if (offset + kPrefixBytes <= size) {
            std::lock_guard lock(m_mutex);
            const auto it = m_payloads.find(key(ssrc, seq));
            if (it != m_payloads.end()) {
                m_audited.fetch_add(1);
                if (std::memcmp(it->second.constData(), data + offset, kPrefixBytes) == 0) {
                    m_leaks.fetch_add(1);
                    qCCritical(lcMedia) << "plaintext RTP payload on the wire: ssrc" << ssrc << "seq" << seq;
                }
            }
        }
    }
    gst_buffer_unmap(buffer, &map);
}

} // namespace ventanilla::media
