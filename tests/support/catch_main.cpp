// Catch2 main for every test binary: a QGuiApplication exists before any test runs,
// GStreamer is initialised once, and logs stay quiet unless a test fails.
#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>

#include <QGuiApplication>
#include <QStandardPaths>

#include <gst/gst.h>

int main(int argc, char *argv[])
{
    qputenv(
        "QT_QPA_PLATFORM", qgetenv("QT_QPA_PLATFORM").isEmpty() ? QByteArray("offscreen") : qgetenv("QT_QPA_PLATFORM"));
    QStandardPaths::setTestModeEnabled(true);
    gst_init(nullptr, nullptr);
    QGuiApplication app(argc, argv);
    return Catch::Session().run(argc, argv);
}
