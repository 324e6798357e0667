// Diagnostic ([media] wire_audit): remembers the payload of each outgoing plaintext RTP
// packet and checks what the ICE sink writes to the socket for the same packet. Any match
// is plaintext media on the wire; the count must stay zero.
#pragma once

#include <QByteArray>

#include <gst/gst.h>

#include <atomic>
#include <deque>
#include <mutex>
#include <unordered_map>

namespace ventanilla::media {

class WireAudit {
public:
    // Probes the source pad of a send branch (payloaded, not yet encrypted).
    void watchPlaintext(GstElement *sendBranch);
    // Probes every nicesink inside webrtcbin (what goes to the UDP socket). Idempotent.
    void watchWire(GstElement *webrtc);

    qint64 audited() const { return m_audited.load(); }
    qint64 leaks() const { return m_leaks.load(); }

private:
    static GstPadProbeReturn onPlaintext(GstPad *pad, GstPadProbeInfo *info, gpointer self);
    static GstPadProbeReturn onWire(GstPad *pad, GstPadProbeInfo *info, gpointer self);
    void rememberPlaintext(GstBuffer *buffer);
    void checkWire(GstBuffer *buffer);

    std::mutex m_mutex;
    std::unordered_map<quint64, QByteArray> m_payloads; // (ssrc << 16 | seq) -> payload prefix
    std::deque<quint64> m_order;
    std::atomic<qint64> m_audited{0};
    std::atomic<qint64> m_leaks{0};
    bool m_wireWatched = false;
};

} // namespace ventanilla::media
