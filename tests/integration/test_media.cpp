// Two MediaSessions in one process, wired directly: audio, video and desktop share flow
// both ways over real ICE (loopback), DTLS and SRTP, and nothing plaintext hits the socket.
#include "media_test_config.h"
#include "test_support.h"

#include "ventanilla/media/media_session.h"

#include <catch2/catch.hpp>

#include <QJsonArray>

using namespace ventanilla;
using namespace ventanilla::media;

namespace {

MediaConfig loopbackConfig()
{
    MediaConfig config = test::testMediaConfig();
    config.desktopWidth = 1280;
    config.desktopHeight = 720;
    return config;
}

void wire(MediaSession &a, MediaSession &b)
{
    QObject::connect(&a, &MediaSession::localDescription, &b, &MediaSession::setRemoteDescription);
    QObject::connect(&b, &MediaSession::localDescription, &a, &MediaSession::setRemoteDescription);
    QObject::connect(&a, &MediaSession::localCandidate, &b, &MediaSession::addRemoteCandidate);
    QObject::connect(&b, &MediaSession::localCandidate, &a, &MediaSession::addRemoteCandidate);
}

} // namespace

TEST_CASE("a call between two media sessions carries audio, video and desktop, encrypted", "[media]")
{
    MediaSession offerer(loopbackConfig());
    MediaSession answerer(loopbackConfig());
    QStringList failures;
    QObject::connect(&offerer, &MediaSession::failed, [&](const QString &m) { failures << m; });
    QObject::connect(&answerer, &MediaSession::failed, [&](const QString &m) { failures << m; });
    wire(offerer, answerer);

    REQUIRE_OK(answerer.start(SdpRole::Answerer));
    REQUIRE_OK(offerer.start(SdpRole::Offerer));

    REQUIRE(test::waitUntil(
        [&] {
            return offerer.remoteVideoFrames() > 30 && answerer.remoteVideoFrames() > 30
                && offerer.remoteAudioPackets() > 50 && answerer.remoteAudioPackets() > 50;
        },
        30000));
    CHECK(failures.isEmpty());
    CHECK(offerer.connectionState() == QStringLiteral("connected"));
    CHECK(offerer.srtpProfile().startsWith(QStringLiteral("SRTP_")));
    CHECK(offerer.srtpProfile() == answerer.srtpProfile());
    CHECK(answerer.remoteVideo()->frameSize() == QSize(640, 360));
    CHECK(offerer.firstRemoteVideoFrameAtMs() > 0);

    SECTION("the desktop share starts and stops without disturbing the camera")
    {
        REQUIRE_OK(offerer.startDesktopShare());
        REQUIRE(test::waitUntil([&] { return answerer.remoteDesktopFrames() > 10; }, 15000));
        CHECK(answerer.remoteDesktop()->frameSize() == QSize(1280, 720));
        offerer.stopDesktopShare();
        test::spin(500);
        const qint64 desktopAfterStop = answerer.remoteDesktopFrames();
        const qint64 videoAfterStop = answerer.remoteVideoFrames();
        // The camera keeps flowing while no more screen frames arrive.
        REQUIRE(test::waitUntil([&] { return answerer.remoteVideoFrames() > videoAfterStop + 15; }, 10000));
        CHECK(answerer.remoteDesktopFrames() <= desktopAfterStop + 1);

        // and it starts again
        REQUIRE_OK(offerer.startDesktopShare());
        REQUIRE(test::waitUntil([&] { return answerer.remoteDesktopFrames() > desktopAfterStop + 5; }, 15000));
    }

    SECTION("no plaintext RTP reaches the socket")
    {
        test::waitUntil([&] { return offerer.wirePacketsAudited() > 100; }, 10000);
        INFO("audited " << offerer.wirePacketsAudited() << " packets");
        CHECK(offerer.wirePacketsAudited() > 100);
        CHECK(offerer.wirePlaintextLeaks() == 0);
        CHECK(answerer.wirePlaintextLeaks() == 0);
    }

    SECTION("statistics describe each stream")
    {
        REQUIRE(test::waitUntil(
            [&] {
                for (const auto &stream : answerer.stats().streams)
                    if (stream.kind == StreamKind::Video && stream.direction == StreamDirection::Inbound
                        && stream.framerate > 0)
                        return true;
                return false;
            },
            5000));
        bool sawRtt = false;
        test::waitUntil(
            [&] {
                for (const auto &stream : offerer.stats().streams)
                    sawRtt = sawRtt || stream.roundTrip_ms.has_value();
                return sawRtt;
            },
            8000);
        CHECK(sawRtt);
        CHECK(answerer.stats().toJson().value(QStringLiteral("streams")).toArray().size() >= 4);
    }
    offerer.stop();
    answerer.stop();
}

TEST_CASE("the latency probe reads back the time stamps it painted", "[media][latency]")
{
    MediaConfig config = loopbackConfig();
    config.width = 1280;
    config.height = 720;
    config.wireAudit = false;
    config.latencyProbe = true;
    config.framerate = 10; // a third of the codec work: the stamps stay readable on a loaded machine
    MediaSession offerer(config);
    MediaSession answerer(config);
    wire(offerer, answerer);
    REQUIRE_OK(answerer.start(SdpRole::Answerer));
    REQUIRE_OK(offerer.start(SdpRole::Offerer));
    REQUIRE(test::waitUntil([&] { return answerer.remoteVideoFrames() > 10; }, 30000));
    answerer.takeLatencySamples();
    QList<double> samples;
    test::waitUntil(
        [&] {
            samples += answerer.takeLatencySamples();
            return samples.size() > 5;
        },
        20000);
    INFO("frames received: " << answerer.remoteVideoFrames());
    // Most frames carry a readable stamp, and each delay is a plausible loopback figure.
    CHECK(samples.size() > 5);
    for (double delay_ms : samples) {
        CHECK(delay_ms > 0);
        CHECK(delay_ms < 2000);
    }
}
