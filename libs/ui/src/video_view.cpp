// Draws decoded frames into the Qt Quick scene graph as a texture.
#include "ventanilla/ui/video_view.h"

#include <QQuickWindow>
#include <QSGImageNode>

namespace ventanilla::ui {

VideoView::VideoView(QQuickItem *parent) : QQuickItem(parent)
{
    setFlag(ItemHasContents, true);
}

void VideoView::setSource(media::VideoFrameSource *source)
{
    if (m_source == source)
        return;
    if (m_source)
        m_source->disconnect(this);
    m_source = source;
    if (m_source) {
        connect(m_source, &media::VideoFrameSource::frameChanged, this, [this] {
            if (hasFrame() != m_hadFrame) {
                m_hadFrame = hasFrame();
                Q_EMIT hasFrameChanged();
            }
            update();
        });
    }
    Q_EMIT sourceChanged();
    update();
}

void VideoView::setCrop(bool crop)
{
    if (m_crop == crop)
        return;
    m_crop = crop;
    Q_EMIT cropChanged();
    update();
}

void VideoView::setMirrored(bool mirrored)
{
    if (m_mirrored == mirrored)
        return;
    m_mirrored = mirrored;
    Q_EMIT mirroredChanged();
    update();
}

QSGNode *VideoView::updatePaintNode(QSGNode *old, UpdatePaintNodeData *)
{
    const QImage frame = m_source ? m_source->frame() : QImage();
    if (frame.isNull() || width() <= 0 || height() <= 0) {
        delete old;
        return nullptr;
    }
    auto *node = static_cast<QSGImageNode *>(old);
    if (!node) {
        node = window()->createImageNode();
        node->setOwnsTexture(true);
        node->setFiltering(QSGTexture::Linear);
    }
    node->setTexture(window()->createTextureFromImage(frame));
    // Fit keeps the whole picture (letterboxed); crop fills the item and trims the edges.
    QSizeF size = frame.size();
    size.scale(boundingRect().size(), m_crop ? Qt::KeepAspectRatioByExpanding : Qt::KeepAspectRatio);
    QRectF target(QPointF((width() - size.width()) / 2, (height() - size.height()) / 2), size);
    QRectF source(QPointF(0, 0), frame.size());
    if (m_crop) {
        const QRectF visible = target.intersected(boundingRect());
        const double scale = frame.width() / target.width();
        source = QRectF((visible.x() - target.x()) * scale, (visible.y() - target.y()) * scale, visible.width() * scale,
            visible.height() * scale);
        target = visible;
    }
    node->setRect(target);
    node->setSourceRect(source);
    node->setTextureCoordinatesTransform(m_mirrored ? QSGImageNode::MirrorHorizontally : QSGImageNode::NoTransform);
    return node;
}

} // namespace ventanilla::ui
