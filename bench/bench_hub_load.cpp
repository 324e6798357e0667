// Hub load benchmark: the real ventanilla-hub as its own process, and simulated kiosks and
// advisors speaking the real protocol over TLS on loopback (default 1,000 kiosks and 100
// advisors). Kiosks ask for calls after a think time; advisors accept at once, relay an SDP
// exchange, talk for a while and hang up. Measures the time from an advisor hanging up (free
// again) to the next offer reaching them, messages per second through the hub, and the hub's
// CPU and memory. Prints a table and one JSON line.
#include "ventanilla/hub/admin.h"
#include "ventanilla/signalling/protocol.h"
#include "ventanilla/signalling/tls.h"

#include "bench_support.h"

#include <QCommandLineParser>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTextStream>
#include <QTimer>
#include <QWebSocket>

#include <sys/resource.h>
#include <unistd.h>

#include <memory>

using namespace ventanilla;
using namespace ventanilla::bench;
using namespace ventanilla::signalling;

namespace {

QTextStream out(stdout);
const QString kPassword = QStringLiteral("bench password 123");

struct Options {
    int kiosks = 1000;
    int advisors = 100;
    int warmUp_s = 10;
    int measure_s = 60;
    double talkMin_s = 1.0, talkMax_s = 3.0; // advisors' conversations
    double thinkMin_s = 5.0, thinkMax_s = 15.0; // kiosks between calls
    QString hubBinary;
};

// CPU seconds (user + system) a process has used, from /proc.
double cpuSeconds(qint64 pid)
{
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return 0;
    const QList<QByteArray> fields = stat.readAll().split(')').last().trimmed().split(' ');
    // After "pid (comm)": field 14 utime and 15 stime are at 11 and 12 here.
    return (fields.value(11).toDouble() + fields.value(12).toDouble()) / double(sysconf(_SC_CLK_TCK));
}

// A /proc/PID/status figure in MiB, e.g. "VmHWM" (peak resident) or "VmRSS".
double statusMiB(qint64 pid, const QByteArray &key)
{
    QFile status(QStringLiteral("/proc/%1/status").arg(pid));
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith(QByteArray(key).append(':')))
            return line.mid(key.size() + 1).trimmed().split(' ').first().toDouble() / 1024.0;
    }
    return 0;
}

void raiseFileLimit()
{
    rlimit limit{};
    if (getrlimit(RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur < limit.rlim_max) {
        limit.rlim_cur = limit.rlim_max;
        setrlimit(RLIMIT_NOFILE, &limit);
    }
}

class Simulation;

// One simulated kiosk or advisor: a pinned TLS WebSocket and what it is doing.
struct Peer {
    bool advisor = false;
    QString id;
    QString credential;
    std::unique_ptr<QWebSocket> socket;
    bool online = false;
    QString callId;
    qint64 freeSinceMs = 0; // advisors: when they hung up
};

class Simulation : public QObject {
public:
    Simulation(const Options &options, QSslConfiguration tls, quint16 port)
        : m_options(options), m_tls(std::move(tls)), m_port(port)
    {
        // Like the real clients, every peer pings once a heartbeat (5 s), or the hub closes its
        // link as silent: a fifth of them each second.
        m_heartbeat.setInterval(1000);
        connect(&m_heartbeat, &QTimer::timeout, this, [this] {
            for (size_t i = m_heartbeatTurn % 5; i < m_peers.size(); i += 5) {
                if (m_peers[i]->online)
                    send(*m_peers[i], makeMessage(MessageType::Ping, {}));
            }
            ++m_heartbeatTurn;
        });
        m_heartbeat.start();
        // How late the simulator's own event loop runs: its share of the latencies above.
        m_lagProbe.setInterval(20);
        m_lagClock.start();
        connect(&m_lagProbe, &QTimer::timeout, this, [this] {
            const qint64 elapsed = m_lagClock.restart();
            if (m_measuring)
                m_loopLag_ms << double(std::max<qint64>(0, elapsed - 20));
        });
        m_lagProbe.start();
    }

    ~Simulation() override
    {
        // Sockets closing now must not call back into a simulation half gone.
        for (auto &peer : m_peers) {
            if (peer->socket)
                peer->socket->disconnect(this);
        }
    }

    void addPeer(bool advisor, const QString &id, const QString &credential)
    {
        auto peer = std::make_unique<Peer>();
        peer->advisor = advisor;
        peer->id = id;
        peer->credential = credential;
        m_peers.push_back(std::move(peer));
    }

    void connectAll()
    {
        const QSslCertificate pinned = m_tls.caCertificates().first();
        for (auto &owned : m_peers) {
            Peer *peer = owned.get();
            peer->socket = std::make_unique<QWebSocket>();
            QWebSocket *socket = peer->socket.get();
            socket->setSslConfiguration(m_tls);
            connect(socket, &QWebSocket::sslErrors, this, [socket, pinned](const QList<QSslError> &errors) {
                if (fatalErrorsForPinnedPeer(errors, pinned, socket->sslConfiguration().peerCertificate()).isEmpty())
                    socket->ignoreSslErrors(errors);
            });
            connect(socket, &QWebSocket::connected, this, [this, peer] {
                send(*peer,
                    peer->advisor
                        ? makeMessage(MessageType::Hello,
                            {{QStringLiteral("role"), QStringLiteral("advisor")}, {QStringLiteral("user"), peer->id},
                                {QStringLiteral("password"), peer->credential}})
                        : makeMessage(MessageType::Hello,
                            {{QStringLiteral("role"), QStringLiteral("kiosk")}, {QStringLiteral("site_id"), peer->id},
                                {QStringLiteral("credential"), peer->credential}}));
            });
            connect(socket, &QWebSocket::textMessageReceived, this,
                [this, peer](const QString &text) { onMessage(*peer, text.toUtf8()); });
            // Like the real clients: a link that fails is opened again after a jittered pause.
            connect(socket, &QWebSocket::disconnected, this, [this, peer, socket] {
                ++m_linkFailures;
                m_lastFailure = socket->errorString();
                peer->online = false;
                peer->callId.clear();
                QTimer::singleShot(randomMs(0.2, 1.0), this, [this, socket] { open(*socket); });
            });
            open(*socket);
        }
    }

    void open(QWebSocket &socket) { socket.open(QUrl(QStringLiteral("wss://127.0.0.1:%1/").arg(m_port))); }
    int linkFailures() const { return m_linkFailures; }
    QString lastFailure() const { return m_lastFailure; }
    QString errorCodes() const
    {
        QStringList codes;
        for (auto it = m_errorCodes.cbegin(); it != m_errorCodes.cend(); ++it)
            codes << QStringLiteral("%1 ×%2").arg(it.key()).arg(it.value());
        return codes.join(QStringLiteral(", "));
    }

    int online() const
    {
        return static_cast<int>(
            std::count_if(m_peers.cbegin(), m_peers.cend(), [](const auto &peer) { return peer->online; }));
    }
    void startMeasuring()
    {
        m_measuring = true;
        m_sent = m_received = 0;
        m_freeToOffer_ms.clear();
        m_requestToQueued_ms.clear();
        m_loopLag_ms.clear();
        m_callsAnswered = 0;
    }
    void stopMeasuring() { m_measuring = false; }
    qint64 sent() const { return m_sent; }
    qint64 received() const { return m_received; }
    qint64 errors() const { return m_errors; }
    int callsAnswered() const { return m_callsAnswered; }
    const QList<double> &freeToOffer_ms() const { return m_freeToOffer_ms; }
    const QList<double> &requestToQueued_ms() const { return m_requestToQueued_ms; }
    int maxWaiting() const { return m_maxWaiting; }
    const QList<double> &loopLag_ms() const { return m_loopLag_ms; }

private:
    void send(Peer &peer, const Message &message)
    {
        peer.socket->sendTextMessage(QString::fromUtf8(message.serialize()));
        m_sent += m_measuring ? 1 : 0;
    }

    int randomMs(double min_s, double max_s)
    {
        return static_cast<int>(1000 * (min_s + (max_s - min_s) * QRandomGenerator::global()->generateDouble()));
    }

    void requestLater(Peer &kiosk, int delay_ms)
    {
        // Precise: coarse timers (Qt's default beyond 2 s) would bunch arrivals into bursts.
        QTimer::singleShot(delay_ms, Qt::PreciseTimer, this, [this, &kiosk] {
            m_requestedAtMs.insert(kiosk.id, QDateTime::currentMSecsSinceEpoch());
            send(
                kiosk, makeMessage(MessageType::CallRequest, {{QStringLiteral("service"), QStringLiteral("general")}}));
        });
    }

    void onMessage(Peer &peer, const QByteArray &bytes)
    {
        m_received += m_measuring ? 1 : 0;
        auto parsed = parseMessage(bytes);
        if (!std::holds_alternative<Message>(parsed)) {
            ++m_errors;
            return;
        }
        const Message message = std::get<Message>(parsed);
        const QString callId = message.string(QStringLiteral("call_id"));
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        switch (message.type()) {
        case MessageType::Welcome:
            peer.online = true;
            if (peer.advisor)
                send(peer,
                    makeMessage(MessageType::AdvisorState, {{QStringLiteral("state"), QStringLiteral("available")}}));
            else // spread the first requests over one think time
                requestLater(peer, randomMs(0, m_options.thinkMax_s));
            break;
        case MessageType::Error:
            ++m_errors;
            m_errorCodes[message.string(QStringLiteral("code")) + QLatin1Char(' ')
                + message.string(QStringLiteral("ref"))]++;
            break;
        case MessageType::CallQueued:
            if (peer.callId != callId && m_requestedAtMs.contains(peer.id)) {
                if (m_measuring)
                    m_requestToQueued_ms << double(now - m_requestedAtMs.take(peer.id));
                peer.callId = callId;
            }
            m_maxWaiting = std::max(m_maxWaiting, static_cast<int>(message.integer(QStringLiteral("position"))));
            break;
        case MessageType::CallOffer:
            if (m_measuring && peer.freeSinceMs > 0)
                m_freeToOffer_ms << double(now - peer.freeSinceMs);
            peer.freeSinceMs = 0;
            peer.callId = callId;
            send(peer, makeMessage(MessageType::CallAccept, {{QStringLiteral("call_id"), callId}}));
            break;
        case MessageType::CallStart:
            if (peer.advisor) {
                m_callsAnswered += m_measuring ? 1 : 0;
                QTimer::singleShot(
                    randomMs(m_options.talkMin_s, m_options.talkMax_s), Qt::PreciseTimer, this, [this, &peer, callId] {
                        if (peer.callId != callId)
                            return;
                        peer.freeSinceMs = QDateTime::currentMSecsSinceEpoch();
                        send(peer, makeMessage(MessageType::Hangup, {{QStringLiteral("call_id"), callId}}));
                    });
            } else {
                // The kiosk offers; the advisor answers (below); a candidate each way.
                peer.callId = callId;
                send(peer,
                    makeMessage(MessageType::Sdp,
                        {{QStringLiteral("call_id"), callId}, {QStringLiteral("sdp_type"), QStringLiteral("offer")},
                            {QStringLiteral("sdp"), QStringLiteral("v=0 (simulated offer)")}}));
                send(peer,
                    makeMessage(MessageType::Ice,
                        {{QStringLiteral("call_id"), callId}, {QStringLiteral("mline"), 0},
                            {QStringLiteral("candidate"),
                                QStringLiteral("candidate:1 1 UDP 1 127.0.0.1 9 typ host")}}));
            }
            break;
        case MessageType::Sdp:
            if (peer.advisor)
                send(peer,
                    makeMessage(MessageType::Sdp,
                        {{QStringLiteral("call_id"), callId}, {QStringLiteral("sdp_type"), QStringLiteral("answer")},
                            {QStringLiteral("sdp"), QStringLiteral("v=0 (simulated answer)")}}));
            break;
        case MessageType::CallEnded:
            if (peer.callId == callId) {
                peer.callId.clear();
                if (!peer.advisor)
                    requestLater(peer, randomMs(m_options.thinkMin_s, m_options.thinkMax_s));
            }
            break;
        default:
            break;
        }
    }

    Options m_options;
    QSslConfiguration m_tls;
    quint16 m_port;
    std::vector<std::unique_ptr<Peer>> m_peers;
    QHash<QString, qint64> m_requestedAtMs;
    bool m_measuring = false;
    qint64 m_sent = 0, m_received = 0, m_errors = 0;
    int m_callsAnswered = 0;
    int m_maxWaiting = 0;
    int m_linkFailures = 0;
    QTimer m_heartbeat;
    QTimer m_lagProbe;
    QElapsedTimer m_lagClock;
    QList<double> m_loopLag_ms;
    size_t m_heartbeatTurn = 0;
    QHash<QString, int> m_errorCodes;
    QString m_lastFailure;
    QList<double> m_freeToOffer_ms;
    QList<double> m_requestToQueued_ms;
};

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QLoggingCategory::setFilterRules(QStringLiteral("ventanilla.*.info=false\nqt.*=false"));
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Load on the real hub: simulated kiosks and advisors over TLS."));
    parser.addHelpOption();
    parser.addOption({QStringLiteral("kiosks"), QStringLiteral("simulated kiosks (1000)"), QStringLiteral("n")});
    parser.addOption({QStringLiteral("advisors"), QStringLiteral("simulated advisors (100)"), QStringLiteral("n")});
    parser.addOption({QStringLiteral("seconds"), QStringLiteral("measured seconds (60)"), QStringLiteral("s")});
    parser.addOption({QStringLiteral("hub"), QStringLiteral("the ventanilla-hub binary"), QStringLiteral("path")});
    parser.addOption({QStringLiteral("think"),
        QStringLiteral("kiosks wait this many seconds between calls, MIN-MAX (5-15: more citizens than advisors "
                       "can take, so a line builds up)"),
        QStringLiteral("range")});
    parser.addOption({QStringLiteral("hub-log"), QStringLiteral("keep the hub's log here"), QStringLiteral("file")});
    parser.process(app);
    Options options;
    const auto number = [&](const char *name, int fallback) {
        const int value = parser.value(QString::fromLatin1(name)).toInt();
        return value > 0 ? value : fallback;
    };
    options.kiosks = number("kiosks", options.kiosks);
    options.advisors = number("advisors", options.advisors);
    options.measure_s = number("seconds", options.measure_s);
    options.hubBinary = parser.value(QStringLiteral("hub"));
    if (parser.isSet(QStringLiteral("think"))) {
        const QStringList range = parser.value(QStringLiteral("think")).split(QLatin1Char('-'));
        options.thinkMin_s = range.value(0).toDouble();
        options.thinkMax_s = std::max(options.thinkMin_s, range.value(1).toDouble());
    }
    if (options.hubBinary.isEmpty())
        options.hubBinary = QCoreApplication::applicationDirPath() + QStringLiteral("/../apps/hub/ventanilla-hub");
    raiseFileLimit(); // 1,100 sockets here and in the hub, which inherits the limit

    QTemporaryDir dir;
    hub::HubConfig config;
    config.dataDirectory = dir.path();
    config.databasePath = dir.filePath(QStringLiteral("hub.db"));
    config.pkiDirectory = dir.filePath(QStringLiteral("pki"));
    QElapsedTimer clock;
    clock.start();
    std::vector<std::pair<QString, QString>> kiosks;
    {
        if (auto made = hub::admin::initialise(config); !made) {
            out << "bench_hub_load: " << made.error() << Qt::endl;
            return 1;
        }
        auto store = store::Store::open(config.databasePath);
        if (auto imported = hub::admin::importCharter(
                store, QStringLiteral(VENTANILLA_SOURCE_DIR "/resources/charter/albacete.charter"));
            !imported) {
            out << "bench_hub_load: " << imported.error() << Qt::endl;
            return 1;
        }
        for (int i = 0; i < options.advisors; ++i) {
            if (auto added = hub::admin::addAdvisor(
                    store, QStringLiteral("a%1").arg(i), QStringLiteral("Advisor %1").arg(i), kPassword);
                !added) {
                out << "bench_hub_load: " << added.error() << Qt::endl;
                return 1;
            }
        }
        for (int i = 0; i < options.kiosks; ++i) {
            const QString site = QStringLiteral("k%1").arg(i);
            kiosks.emplace_back(site, hub::admin::addKiosk(store, site, QStringLiteral("Town %1").arg(i)).value());
        }
    }
    const qint64 provision_ms = clock.restart();

    QProcess hubProcess;
    hubProcess.setProcessChannelMode(QProcess::MergedChannels);
    const QString hubLog = dir.filePath(QStringLiteral("hub.log"));
    hubProcess.setStandardOutputFile(hubLog);
    hubProcess.start(options.hubBinary,
        {QStringLiteral("--data"), dir.path(), QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("serve")});
    quint16 port = 0;
    waitUntil(
        [&] {
            QFile log(hubLog);
            if (!log.open(QIODevice::ReadOnly))
                return false;
            for (const QByteArray &line : log.readAll().split('\n')) {
                if (line.contains("listening on port"))
                    port = static_cast<quint16>(line.trimmed().split(' ').last().toUInt());
            }
            return port != 0;
        },
        20000);
    if (port == 0) {
        out << "bench_hub_load: the hub did not start; see " << hubLog << Qt::endl;
        dir.setAutoRemove(false);
        return 1;
    }

    auto tls = pinnedClientTlsConfiguration(QDir(config.pkiDirectory).filePath(QStringLiteral("hub.crt")));
    Simulation simulation(options, *tls, port);
    for (int i = 0; i < options.advisors; ++i)
        simulation.addPeer(true, QStringLiteral("a%1").arg(i), kPassword);
    for (const auto &[site, credential] : kiosks)
        simulation.addPeer(false, site, credential);
    simulation.connectAll();
    const int everyone = options.kiosks + options.advisors;
    const bool allOnline = waitUntil([&] { return simulation.online() == everyone; }, 120000);
    const qint64 connect_ms = clock.restart();
    if (!allOnline) {
        out << "bench_hub_load: only " << simulation.online() << " of " << everyone << " peers got online ("
            << simulation.linkFailures() << " link failures, the last: " << simulation.lastFailure() << ")" << Qt::endl;
        hubProcess.kill();
        hubProcess.waitForFinished();
        return 1;
    }

    waitUntil([] { return false; }, options.warmUp_s * 1000);
    const qint64 hubPid = hubProcess.processId();
    const double hubCpuBefore = cpuSeconds(hubPid);
    const double selfCpuBefore = cpuSeconds(getpid());
    simulation.startMeasuring();
    clock.restart();
    waitUntil([] { return false; }, options.measure_s * 1000);
    simulation.stopMeasuring();
    const double wall_s = clock.elapsed() / 1000.0;
    const double hubCpu = (cpuSeconds(hubPid) - hubCpuBefore) / wall_s * 100;
    const double selfCpu = (cpuSeconds(getpid()) - selfCpuBefore) / wall_s * 100;
    const double hubPeak = statusMiB(hubPid, "VmHWM");
    const double hubRss = statusMiB(hubPid, "VmRSS");
    hubProcess.terminate();
    hubProcess.waitForFinished(5000);
    if (parser.isSet(QStringLiteral("hub-log"))) {
        QFile::remove(parser.value(QStringLiteral("hub-log")));
        QFile::copy(hubLog, parser.value(QStringLiteral("hub-log")));
    }

    const QJsonObject freeToOffer = summary(simulation.freeToOffer_ms());
    const QJsonObject requestToQueued = summary(simulation.requestToQueued_ms());
    const double messagesPerSecond = (simulation.sent() + simulation.received()) / wall_s;
    out << "hub load: " << options.kiosks << " kiosks, " << options.advisors << " advisors, TLS on loopback, "
        << options.measure_s << " s measured after " << options.warmUp_s << " s warm-up; kiosks think "
        << options.thinkMin_s << "-" << options.thinkMax_s << " s, advisors talk " << options.talkMin_s << "-"
        << options.talkMax_s << " s\n";
    out << QStringLiteral("  provisioning %1 s; all %2 peers connected and authenticated in %3 s\n")
               .arg(provision_ms / 1000.0, 0, 'f', 1)
               .arg(everyone)
               .arg(connect_ms / 1000.0, 0, 'f', 1);
    out << QStringLiteral("  advisor free -> next offer: p50 %1 ms, p99 %2 ms (n=%3)\n")
               .arg(percentile(simulation.freeToOffer_ms(), 0.5), 0, 'f', 1)
               .arg(percentile(simulation.freeToOffer_ms(), 0.99), 0, 'f', 1)
               .arg(simulation.freeToOffer_ms().size());
    out << QStringLiteral("  call-request -> call-queued: p50 %1 ms, p99 %2 ms\n")
               .arg(percentile(simulation.requestToQueued_ms(), 0.5), 0, 'f', 1)
               .arg(percentile(simulation.requestToQueued_ms(), 0.99), 0, 'f', 1);
    out << QStringLiteral("  simulator event-loop lag (its own share of those): p50 %1 ms, p99 %2 ms\n")
               .arg(percentile(simulation.loopLag_ms(), 0.5), 0, 'f', 1)
               .arg(percentile(simulation.loopLag_ms(), 0.99), 0, 'f', 1);
    out << QStringLiteral(
        "  %1 calls answered (%2/s); %3 messages/s through the hub (%4 in, %5 out); longest line %6\n")
               .arg(simulation.callsAnswered())
               .arg(simulation.callsAnswered() / wall_s, 0, 'f', 1)
               .arg(messagesPerSecond, 0, 'f', 0)
               .arg(simulation.sent())
               .arg(simulation.received())
               .arg(simulation.maxWaiting());
    out << QStringLiteral("  hub CPU %1 % of one core, RSS %2 MiB (peak %3 MiB); simulator CPU %4 %; errors %5; links "
                          "that failed and reconnected %6\n")
               .arg(hubCpu, 0, 'f', 0)
               .arg(hubRss, 0, 'f', 0)
               .arg(hubPeak, 0, 'f', 0)
               .arg(selfCpu, 0, 'f', 0)
               .arg(simulation.errors())
               .arg(simulation.linkFailures());
    if (simulation.errors() > 0)
        out << "  hub errors: " << simulation.errorCodes() << '\n';
    const QJsonObject result{{QStringLiteral("kiosks"), options.kiosks}, {QStringLiteral("advisors"), options.advisors},
        {QStringLiteral("measured_s"), wall_s}, {QStringLiteral("connect_s"), connect_ms / 1000.0},
        {QStringLiteral("free_to_offer_ms"),
            QJsonObject{{QStringLiteral("n"), freeToOffer.value(QStringLiteral("n"))},
                {QStringLiteral("p50"), percentile(simulation.freeToOffer_ms(), 0.5)},
                {QStringLiteral("p99"), percentile(simulation.freeToOffer_ms(), 0.99)}}},
        {QStringLiteral("request_to_queued_ms"), requestToQueued},
        {QStringLiteral("simulator_loop_lag_ms"),
            QJsonObject{{QStringLiteral("p50"), percentile(simulation.loopLag_ms(), 0.5)},
                {QStringLiteral("p99"), percentile(simulation.loopLag_ms(), 0.99)}}},
        {QStringLiteral("calls_answered"), simulation.callsAnswered()},
        {QStringLiteral("messages_per_s"), messagesPerSecond}, {QStringLiteral("hub_cpu_percent"), hubCpu},
        {QStringLiteral("hub_rss_mib"), hubRss}, {QStringLiteral("hub_peak_rss_mib"), hubPeak},
        {QStringLiteral("simulator_cpu_percent"), selfCpu}, {QStringLiteral("errors"), simulation.errors()},
        {QStringLiteral("link_failures"), simulation.linkFailures()},
        {QStringLiteral("longest_line"), simulation.maxWaiting()}};
    out << QJsonDocument(result).toJson(QJsonDocument::Compact) << Qt::endl;
    return simulation.errors() == 0 ? 0 : 1;
}
