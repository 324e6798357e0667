// Window grabs to PNG.
#include "ventanilla/ui/screenshot.h"

#include <QQmlApplicationEngine>
#include <QQuickWindow>
#include <QTimer>

namespace ventanilla::ui {

void scheduleScreenshot(QQmlApplicationEngine &engine, const QString &path, int delay_ms)
{
    QTimer::singleShot(delay_ms, &engine, [&engine, path] {
        if (engine.rootObjects().isEmpty())
            return;
        auto *window = qobject_cast<QQuickWindow *>(engine.rootObjects().first());
        if (window && !window->grabWindow().save(path))
            qWarning("could not save the screenshot to %s", qPrintable(path));
    });
}

} // namespace ventanilla::ui
