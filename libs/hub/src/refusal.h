// How the hub says no to a peer: an error reply naming the refused message, and a log line.
#pragma once

#include "ventanilla/hub/hub.h"
#include "ventanilla/hub/logging.h"

namespace ventanilla::hub {

inline void refuse(PeerSession &session, const QString &code, const QString &text, const signalling::Message &message)
{
    qCWarning(lcHub).noquote() << session.peerId << typeName(message.type()) << "refused:" << text;
    if (session.link)
        session.link->sendError(code, text, typeName(message.type()));
}

} // namespace ventanilla::hub
