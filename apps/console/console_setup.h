// Builds what the console runs from its config and command line: optionally the hub
// in-process, then the console's link to it (to the local hub when hosting one).
#pragma once

#include "ventanilla/client/client_config.h"
#include "ventanilla/hub/hub.h"

#include <QCommandLineParser>

#include <memory>

namespace ventanilla::consoleapp {

struct ConsoleSetup {
    std::unique_ptr<hub::Hub> hub; // only with --host-hub
    client::ConsoleConfig console;
    QString password; // from --password-file or [advisor] password_file
};

void addConsoleOptions(QCommandLineParser &parser);
Result<ConsoleSetup> setUpConsole(const QCommandLineParser &parser, const QString &configPath);

} // namespace ventanilla::consoleapp
