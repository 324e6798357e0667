// Media settings shared by the media and call tests.
#include "media_test_config.h"

namespace ventanilla::test {

media::MediaConfig testMediaConfig()
{
    media::MediaConfig config;
    config.cameraSource = QStringLiteral("videotestsrc is-live=true pattern=smpte");
    config.microphoneSource = QStringLiteral("audiotestsrc is-live=true wave=sine");
    config.desktopSource = QStringLiteral("videotestsrc is-live=true pattern=ball");
    config.audioSink = QStringLiteral("fakesink sync=true");
    config.width = 640;
    config.height = 360;
    config.desktopWidth = 640;
    config.desktopHeight = 360;
    config.iceLocalAddresses = {QStringLiteral("127.0.0.1")};
    config.wireAudit = true;
    return config;
}

} // namespace ventanilla::test
