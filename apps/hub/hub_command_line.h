// The ventanilla-hub command line: "serve" (the default) and the admin subcommands.
#pragma once

#include <QStringList>

namespace ventanilla::hubapp {

// Runs the command named in arguments (without the program name); returns the exit code.
int runCommand(const QStringList &arguments);

} // namespace ventanilla::hubapp
