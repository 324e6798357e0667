// Command-line options both client apps share: config file, headless mode, screenshots,
// and the automation used by the demo.
#pragma once

#include "ventanilla/client/automation.h"

#include <QCommandLineParser>

namespace ventanilla::ui {

struct AppOptions {
    QString configPath;
    bool headless = false; // no window at all
    QString screenshotPath; // save the window to this PNG...
    int screenshotAfter_ms = 3000; // ...this long after start
    client::AutomationPlan automation;
};

// Adds the shared options to parser (call before process()).
void addSharedOptions(QCommandLineParser &parser);
// Reads them after process(); a wrong number is an error message.
Result<AppOptions> readSharedOptions(const QCommandLineParser &parser);

// True when the command line asks for --headless or no display is available; then the
// offscreen platform is selected before the application object exists.
bool prepareHeadless(int argc, char **argv);

} // namespace ventanilla::ui
