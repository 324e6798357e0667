// A stream of decoded video frames for the UI: the latest frame, a counter, and a signal.
// Lives on the Qt thread; MediaSession feeds it from frames its appsinks produce.
#pragma once

#include <QImage>
#include <QObject>

namespace ventanilla::media {

class VideoFrameSource : public QObject {
    Q_OBJECT
    Q_PROPERTY(QSize frameSize READ frameSize NOTIFY frameSizeChanged)
    Q_PROPERTY(bool active READ active NOTIFY activeChanged)
public:
    using QObject::QObject;

    QImage frame() const { return m_frame; }
    QSize frameSize() const { return m_frame.size(); }
    bool active() const { return m_active; }
    qint64 framesShown() const { return m_framesShown; }

    void setFrame(const QImage &frame);
    // No frames will come for now (the stream ended or the call is over).
    void clear();

Q_SIGNALS:
    void frameChanged();
    void frameSizeChanged();
    void activeChanged();

private:
    QImage m_frame;
    bool m_active = false;
    qint64 m_framesShown = 0;
};

} // namespace ventanilla::media
