// The UI-facing end of a decoded video stream.
#include "ventanilla/media/video_frame_source.h"

namespace ventanilla::media {

void VideoFrameSource::setFrame(const QImage &frame)
{
    const bool sizeChanged = frame.size() != m_frame.size();
    m_frame = frame;
    ++m_framesShown;
    if (!m_active) {
        m_active = true;
        Q_EMIT activeChanged();
    }
    if (sizeChanged)
        Q_EMIT frameSizeChanged();
    Q_EMIT frameChanged();
}

void VideoFrameSource::clear()
{
    m_frame = QImage();
    if (m_active) {
        m_active = false;
        Q_EMIT activeChanged();
    }
    Q_EMIT frameSizeChanged();
    Q_EMIT frameChanged();
}

} // namespace ventanilla::media
