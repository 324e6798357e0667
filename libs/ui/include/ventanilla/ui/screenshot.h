// Saves a window's current picture to a PNG on request (--screenshot), for docs and for
// checking a screen as a person would see it.
#pragma once

#include <QString>

class QQmlApplicationEngine;

namespace ventanilla::ui {

// Grabs the engine's first window after delay_ms and writes it to path.
void scheduleScreenshot(QQmlApplicationEngine &engine, const QString &path, int delay_ms);

} // namespace ventanilla::ui
