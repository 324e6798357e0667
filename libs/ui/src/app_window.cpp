// The apps' QML window and its grabs to PNG.
#include "ventanilla/ui/app_window.h"

#include "ventanilla/ui/qml_types.h"

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

std::unique_ptr<QQmlApplicationEngine> loadWindow(const QUrl &mainQml, QObject *controller, const AppOptions &options)
{
    registerQmlTypes();
    auto engine = std::make_unique<QQmlApplicationEngine>();
    engine->setInitialProperties({{QStringLiteral("controller"), QVariant::fromValue(controller)}});
    engine->load(mainQml);
    if (engine->rootObjects().isEmpty())
        return nullptr;
    if (!options.screenshotPath.isEmpty())
        scheduleScreenshot(*engine, options.screenshotPath, options.screenshotAfter_ms);
    return engine;
}

} // namespace ventanilla::ui
