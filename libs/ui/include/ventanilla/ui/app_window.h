// The apps' window: a QML engine showing one controller, and a PNG of the window on
// request (--screenshot), for the docs and for checking a screen as a person would see it.
#pragma once

#include "ventanilla/ui/app_options.h"

#include <QString>
#include <QUrl>

#include <memory>

class QObject;
class QQmlApplicationEngine;

namespace ventanilla::ui {

// Loads mainQml with the controller as its required "controller" property; null when the
// QML failed to load (the engine has printed why). Keep the engine declared after the
// controller so it is destroyed first: QML must not outlive the state it shows.
std::unique_ptr<QQmlApplicationEngine> loadWindow(const QUrl &mainQml, QObject *controller, const AppOptions &options);

// Grabs the engine's first window after delay_ms and writes it to path.
void scheduleScreenshot(QQmlApplicationEngine &engine, const QString &path, int delay_ms);

} // namespace ventanilla::ui
