// A Qt Quick item that shows the latest frame of a VideoFrameSource, scaled to fit
// (or to fill) and optionally mirrored (for the citizen's own picture).
#pragma once

#include "ventanilla/media/video_frame_source.h"

#include <QPointer>
#include <QQuickItem>

namespace ventanilla::ui {

class VideoView : public QQuickItem {
    Q_OBJECT
    Q_PROPERTY(ventanilla::media::VideoFrameSource *source READ source WRITE setSource NOTIFY sourceChanged)
    Q_PROPERTY(bool crop READ crop WRITE setCrop NOTIFY cropChanged)
    Q_PROPERTY(bool mirrored READ mirrored WRITE setMirrored NOTIFY mirroredChanged)
    Q_PROPERTY(bool hasFrame READ hasFrame NOTIFY hasFrameChanged)
public:
    explicit VideoView(QQuickItem *parent = nullptr);

    media::VideoFrameSource *source() const { return m_source; }
    void setSource(media::VideoFrameSource *source);
    bool crop() const { return m_crop; }
    void setCrop(bool crop);
    bool mirrored() const { return m_mirrored; }
    void setMirrored(bool mirrored);
    bool hasFrame() const { return m_source && !m_source->frame().isNull(); }

Q_SIGNALS:
    void sourceChanged();
    void cropChanged();
    void mirroredChanged();
    void hasFrameChanged();

protected:
    QSGNode *updatePaintNode(QSGNode *old, UpdatePaintNodeData *) override;

private:
    QPointer<media::VideoFrameSource> m_source;
    bool m_crop = false;
    bool m_mirrored = false;
    bool m_hadFrame = false;
};

} // namespace ventanilla::ui
