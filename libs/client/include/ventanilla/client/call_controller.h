// The part of a call both apps share: it follows the hub's call messages, runs the media
// session (offer/answer, ICE, desktop share) and reports what it measured when the call
// ends. Kiosk and console controllers add their role's actions on top.
#pragma once

#include "ventanilla/client/client_config.h"
#include "ventanilla/media/media_session.h"
#include "ventanilla/signalling/signalling_client.h"

#include <QObject>

namespace ventanilla::client {

class CallController : public QObject {
    Q_OBJECT
    Q_PROPERTY(QString linkState READ linkState NOTIFY linkStateChanged)
    Q_PROPERTY(CallState callState READ callState NOTIFY callStateChanged)
    Q_PROPERTY(QString callId READ callId NOTIFY callStateChanged)
    Q_PROPERTY(QString peerName READ peerName NOTIFY callStateChanged)
    Q_PROPERTY(QString lastError READ lastError NOTIFY lastErrorChanged)
    Q_PROPERTY(bool sharingDesktop READ sharingDesktop NOTIFY sharingChanged)
    Q_PROPERTY(bool peerSharingDesktop READ peerSharingDesktop NOTIFY sharingChanged)
    Q_PROPERTY(QString statsText READ statsText NOTIFY statsChanged)
    Q_PROPERTY(ventanilla::media::VideoFrameSource *remoteVideo READ remoteVideo CONSTANT)
    Q_PROPERTY(ventanilla::media::VideoFrameSource *remoteDesktop READ remoteDesktop CONSTANT)
    Q_PROPERTY(ventanilla::media::VideoFrameSource *localPreview READ localPreview CONSTANT)
public:
    enum class CallState { Unknown = 0, Idle, Waiting, Ringing, Connecting, InCall };
    Q_ENUM(CallState)

    CallController(signalling::ClientOptions link, media::MediaConfig media, QObject *parent = nullptr);
    ~CallController() override;

    Status connectToHub();
    void disconnectFromHub();

    QString linkState() const { return m_link.stateText(); }
    CallState callState() const { return m_callState; }
    QString callId() const { return m_callId; }
    QString peerName() const { return m_peerName; }
    QString lastError() const { return m_lastError; }
    bool sharingDesktop() const { return m_media.desktopSharing(); }
    bool peerSharingDesktop() const { return m_peerSharing; }
    QString statsText() const;
    media::VideoFrameSource *remoteVideo() { return m_media.remoteVideo(); }
    media::VideoFrameSource *remoteDesktop() { return m_media.remoteDesktop(); }
    media::VideoFrameSource *localPreview() { return m_media.localPreview(); }
    media::MediaSession &media() { return m_media; }
    signalling::SignallingClient &link() { return m_link; }
    const signalling::SignallingClient &link() const { return m_link; }

    Q_INVOKABLE void hangUp();
    Q_INVOKABLE void setDesktopShared(bool shared);

Q_SIGNALS:
    void linkStateChanged();
    void callStateChanged();
    void lastErrorChanged();
    void sharingChanged();
    void statsChanged();
    void welcomed();
    // The call is over and its report is on its way to the hub.
    void callFinished(const QString &callId, const QString &reason);
    // The advisor handed the citizen on: the kiosk waits again, as this call.
    void callTransferred(const QString &nextCallId);
    // A message of the role's own (queue, offers, states) for the subclass.
    void roleMessage(const ventanilla::signalling::Message &message);

protected:
    void setCallState(CallState state);
    void setCallId(const QString &callId) { m_callId = callId; }
    void setLastError(const QString &text);
    void send(const signalling::Message &message) { m_link.send(message); }

private:
    void onMessage(const signalling::Message &message);
    void onCallStart(const signalling::Message &message);
    void finishCall(const QString &reason);

    signalling::SignallingClient m_link;
    media::MediaSession m_media;
    CallState m_callState = CallState::Idle;
    QString m_callId;
    QString m_peerName;
    QString m_lastError;
    bool m_peerSharing = false;
};

} // namespace ventanilla::client
