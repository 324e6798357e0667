// Call benchmark over the real hub and TLS on loopback, in one process: call set-up time
// (advisor accepts → first decoded frame at each side) over N calls, then glass-to-glass
// delay (capture → decoded frame, read from a time stamp painted into the video) at each
// jitter-buffer setting asked for. Prints a table and one JSON line.
#include "ventanilla/client/console_controller.h"
#include "ventanilla/client/kiosk_controller.h"
#include "ventanilla/hub/admin.h"
#include "ventanilla/hub/hub.h"

#include "bench_support.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QDeadlineTimer>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QTemporaryDir>
#include <QTextStream>
#include <QThread>

#include <gst/gst.h>

#include <algorithm>

using namespace ventanilla;
using namespace ventanilla::bench;
using CallState = client::CallController::CallState;

namespace {

QTextStream out(stdout);

struct Site {
    QTemporaryDir dir;
    std::unique_ptr<hub::Hub> hub;
    QString credential;
};

bool provision(Site &site)
{
    hub::HubConfig config;
    config.dataDirectory = site.dir.path();
    config.databasePath = site.dir.filePath(QStringLiteral("hub.db"));
    config.pkiDirectory = site.dir.filePath(QStringLiteral("pki"));
    config.port = 0;
    if (!hub::admin::initialise(config))
        return false;
    auto store = store::Store::open(config.databasePath);
    // The scrypt cost is the production one: logins are part of nothing measured here.
    if (!hub::admin::addAdvisor(store, QStringLiteral("ana"), QStringLiteral("Ana"), QStringLiteral("bench-password")))
        return false;
    auto credential = hub::admin::addKiosk(store, QStringLiteral("bench"), QStringLiteral("Bench"));
    if (!credential)
        return false;
    site.credential = *credential;
    if (!hub::admin::importCharter(store, QStringLiteral(VENTANILLA_SOURCE_DIR "/resources/charter/albacete.charter")))
        return false;
    site.hub = std::make_unique<hub::Hub>(config, store::Store::open(config.databasePath));
    return site.hub->start().ok();
}

media::MediaConfig mediaConfig(int width, int height, int jitter_ms, bool videoSync)
{
    media::MediaConfig config;
    config.cameraSource = QStringLiteral("videotestsrc is-live=true pattern=smpte");
    config.microphoneSource = QStringLiteral("audiotestsrc is-live=true wave=sine");
    config.desktopSource = QStringLiteral("videotestsrc is-live=true pattern=ball");
    config.audioSink = QStringLiteral("fakesink sync=true");
    config.width = width;
    config.height = height;
    config.jitterBuffer_ms = jitter_ms;
    config.videoSync = videoSync;
    config.iceLocalAddresses = {QStringLiteral("127.0.0.1")};
    config.latencyProbe = true;
    return config;
}

struct Clients {
    std::unique_ptr<client::ConsoleController> console;
    std::unique_ptr<client::KioskController> kiosk;
};

Clients connect(Site &site, const media::MediaConfig &media)
{
    const QUrl url(QStringLiteral("wss://127.0.0.1:%1/").arg(site.hub->port()));
    const QString certificate = site.dir.filePath(QStringLiteral("pki/hub.crt"));
    client::ConsoleConfig console{{url, certificate}, QStringLiteral("ana"), {}, media};
    client::KioskConfig kiosk{
        {url, certificate}, QStringLiteral("bench"), site.credential, QStringLiteral("es"), media};
    Clients clients{
        std::make_unique<client::ConsoleController>(console), std::make_unique<client::KioskController>(kiosk)};
    clients.console->logIn(QStringLiteral("ana"), QStringLiteral("bench-password"));
    waitUntil([&] { return clients.console->loggedIn(); }, 10000);
    clients.console->setAvailable(true);
    (void)clients.kiosk->connectToHub();
    waitUntil(
        [&] { return clients.console->available() && clients.kiosk->linkState() == QStringLiteral("online"); }, 10000);
    return clients;
}

// One call up to both first frames; returns {kiosk, console} set-up times in ms.
std::optional<std::pair<double, double>> placeCall(Clients &c)
{
    c.kiosk->requestCall(QStringLiteral("general"));
    if (!waitUntil([&] { return c.console->callState() == CallState::Ringing; }, 10000))
        return std::nullopt;
    const qint64 acceptedAt = QDateTime::currentMSecsSinceEpoch();
    c.console->accept();
    if (!waitUntil(
            [&] {
                return c.kiosk->media().firstRemoteVideoFrameAtMs() > 0
                    && c.console->media().firstRemoteVideoFrameAtMs() > 0;
            },
            15000))
        return std::nullopt;
    return std::pair{double(c.kiosk->media().firstRemoteVideoFrameAtMs() - acceptedAt),
        double(c.console->media().firstRemoteVideoFrameAtMs() - acceptedAt)};
}

void endCall(Clients &c)
{
    c.kiosk->hangUp();
    waitUntil(
        [&] { return c.kiosk->callState() == CallState::Idle && c.console->callState() == CallState::Idle; }, 10000);
    waitUntil([] { return false; }, 300); // let the call reports reach the hub
}

} // namespace

int main(int argc, char *argv[])
{
    gst_init(&argc, &argv);
    QCoreApplication app(argc, argv);
    QLoggingCategory::setFilterRules(QStringLiteral("ventanilla.*.info=false"));
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOption({QStringLiteral("calls"), QStringLiteral("calls for the set-up time"), QStringLiteral("n"),
        QStringLiteral("10")});
    parser.addOption({QStringLiteral("g2g-seconds"), QStringLiteral("seconds of glass-to-glass samples per setting"),
        QStringLiteral("s"), QStringLiteral("20")});
    parser.addOption({QStringLiteral("settings"),
        QStringLiteral(
            "settings to compare: jitter buffer ms / free (ours) or clock (sinks synced, GStreamer's default)"),
        QStringLiteral("list"), QStringLiteral("50/free,200/clock,50/clock")});
    parser.addOption(
        {QStringLiteral("size"), QStringLiteral("camera size"), QStringLiteral("WxH"), QStringLiteral("1280x720")});
    parser.process(app);
    const int calls = parser.value(QStringLiteral("calls")).toInt();
    const int seconds = parser.value(QStringLiteral("g2g-seconds")).toInt();
    const QStringList size = parser.value(QStringLiteral("size")).split(QLatin1Char('x'));
    const int width = size.value(0).toInt(), height = size.value(1).toInt();
    if (calls < 1 || seconds < 1 || width < 1024 || height < 16) {
        QTextStream(stderr) << "bench_call: --calls and --g2g-seconds must be positive, --size at least 1024 wide\n";
        return 2;
    }

    Site site;
    if (!provision(site)) {
        QTextStream(stderr) << "bench_call: could not set up the hub\n";
        return 1;
    }
    QJsonObject result{{QStringLiteral("date"), QDateTime::currentDateTimeUtc().toString(Qt::ISODate)},
        {QStringLiteral("size"), parser.value(QStringLiteral("size"))}};

    QJsonArray g2g;
    bool first = true;
    for (const QString &setting : parser.value(QStringLiteral("settings")).split(QLatin1Char(','))) {
        const int jitter_ms = setting.section(QLatin1Char('/'), 0, 0).toInt();
        const bool videoSync = setting.section(QLatin1Char('/'), 1, 1) == QLatin1String("clock");
        Clients clients = connect(site, mediaConfig(width, height, jitter_ms, videoSync));
        if (first) {
            // Set-up time, with our default jitter buffer.
            QList<double> kioskSetup, consoleSetup, bothSetup;
            for (int i = 0; i < calls; ++i) {
                const auto times = placeCall(clients);
                if (!times) {
                    QTextStream(stderr) << "bench_call: call " << i << " did not connect\n";
                    return 1;
                }
                kioskSetup << times->first;
                consoleSetup << times->second;
                bothSetup << std::max(times->first, times->second);
                endCall(clients);
            }
            result.insert(QStringLiteral("setup_ms_kiosk"), summary(kioskSetup));
            result.insert(QStringLiteral("setup_ms_console"), summary(consoleSetup));
            result.insert(QStringLiteral("setup_ms_both"), summary(bothSetup));
            result.insert(QStringLiteral("setup_jitter_buffer_ms"), jitter_ms);
            out << QStringLiteral(
                "set-up (accept → first frame, both sides), %1 calls, jitter buffer %2 ms: p50 %3 ms, p95 %4 ms\n")
                       .arg(calls)
                       .arg(jitter_ms)
                       .arg(percentile(bothSetup, 0.5), 0, 'f', 0)
                       .arg(percentile(bothSetup, 0.95), 0, 'f', 0);
            first = false;
        }
        if (!placeCall(clients)) {
            QTextStream(stderr) << "bench_call: the glass-to-glass call did not connect\n";
            return 1;
        }
        waitUntil([] { return false; }, 3000); // warm-up: encoder rate control and jitter buffers settle
        clients.console->media().takeLatencySamples();
        clients.kiosk->media().takeLatencySamples();
        const qint64 framesBefore = clients.console->media().remoteVideoFrames();
        waitUntil([] { return false; }, seconds * 1000);
        const QList<double> toConsole = clients.console->media().takeLatencySamples();
        const QList<double> toKiosk = clients.kiosk->media().takeLatencySamples();
        const double fps = double(clients.console->media().remoteVideoFrames() - framesBefore) / seconds;
        endCall(clients);
        QJsonObject row{{QStringLiteral("jitter_buffer_ms"), jitter_ms}, {QStringLiteral("video_sync"), videoSync},
            {QStringLiteral("kiosk_to_console_ms"), summary(toConsole)},
            {QStringLiteral("console_to_kiosk_ms"), summary(toKiosk)}, {QStringLiteral("fps_received"), fps}};
        g2g.append(row);
        out << QStringLiteral("glass-to-glass kiosk → console, jitter buffer %1 ms, %6: p50 %2 ms, p95 %3 ms (%4 "
                              "stamped frames, %5 fps received)\n")
                   .arg(jitter_ms)
                   .arg(percentile(toConsole, 0.5), 0, 'f', 1)
                   .arg(percentile(toConsole, 0.95), 0, 'f', 1)
                   .arg(toConsole.size())
                   .arg(fps, 0, 'f', 1)
                   .arg(videoSync ? QStringLiteral("clock-synced sink") : QStringLiteral("free-running sink"));
        clients.kiosk->disconnectFromHub();
        clients.console->logOut();
        waitUntil([] { return false; }, 500);
    }
    result.insert(QStringLiteral("glass_to_glass"), g2g);
    out << QJsonDocument(result).toJson(QJsonDocument::Compact) << '\n';
    return 0;
}
