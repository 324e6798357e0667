// QML registration of the video item, the frame sources and the controllers.
#include "ventanilla/ui/qml_types.h"

#include "ventanilla/client/console_controller.h"
#include "ventanilla/client/kiosk_controller.h"
#include "ventanilla/ui/video_view.h"

#include <QQmlEngine>

namespace ventanilla::ui {

void registerQmlTypes()
{
    const char *uri = "Ventanilla";
    qmlRegisterType<VideoView>(uri, 1, 0, "VideoView");
    const QString owned = QStringLiteral("created in C++ and handed to QML");
    qmlRegisterUncreatableType<media::VideoFrameSource>(uri, 1, 0, "VideoFrameSource", owned);
    qmlRegisterUncreatableType<client::CallController>(uri, 1, 0, "CallController", owned);
    qmlRegisterUncreatableType<client::KioskController>(uri, 1, 0, "KioskController", owned);
    qmlRegisterUncreatableType<client::ConsoleController>(uri, 1, 0, "ConsoleController", owned);
    qmlRegisterUncreatableType<client::ServiceMenuModel>(uri, 1, 0, "ServiceMenuModel", owned);
}

} // namespace ventanilla::ui
