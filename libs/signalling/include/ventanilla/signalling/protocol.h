// The signalling protocol, version 1: JSON text messages over a WebSocket on TLS.
// docs/protocol.md describes every message; message_schema.cpp is its single source of truth.
#pragma once

#include "ventanilla/core/result.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

#include <variant>

namespace ventanilla::signalling {

inline constexpr int kProtocolVersion = 1;
// Largest message either side accepts; an SDP offer with three media is about 6 KiB.
inline constexpr qsizetype kMaxMessageBytes = 64 * 1024;

enum class MessageType {
    Unknown = 0,
    // link and session
    Hello,
    Resume,
    Welcome,
    Services,
    OfficeStatus,
    Ping,
    Pong,
    Bye,
    Error,
    // presence and call set-up
    AdvisorState,
    CallRequest,
    CallQueued,
    CallOffer,
    CallAccept,
    CallDecline,
    CallStart,
    // media negotiation, relayed peer to peer through the hub
    Sdp,
    Ice,
    Share,
    ShareRequest,
    // end of a call
    Hangup,
    CallEnded,
    CallReport,
    // appointments (cita previa) and call-backs
    AppointmentSlotsRequest,
    AppointmentSlots,
    AppointmentBook,
    AppointmentBooked,
    CheckIn,
    CallbackRequest,
    CallbackRegistered,
    Tasks,
    TaskUpdate,
    // statistics
    StatsRequest,
    Stats,
    // cases, transfers and surveys
    CallTransfer,
    CaseUpdate,
    Case,
    Survey,
};

// Stable error codes carried in "error" messages.
namespace errors {
inline const QString kMalformed = QStringLiteral("malformed");
inline const QString kTooLarge = QStringLiteral("too-large");
inline const QString kUnsupportedVersion = QStringLiteral("unsupported-version");
inline const QString kUnknownType = QStringLiteral("unknown-type");
inline const QString kBadField = QStringLiteral("bad-field");
inline const QString kNotAuthenticated = QStringLiteral("not-authenticated");
inline const QString kAuthFailed = QStringLiteral("auth-failed");
inline const QString kOutOfOrder = QStringLiteral("out-of-order");
inline const QString kWrongDirection = QStringLiteral("wrong-direction");
inline const QString kNoSuchCall = QStringLiteral("no-such-call");
inline const QString kUnknownService = QStringLiteral("unknown-service");
inline const QString kClosed = QStringLiteral("closed");
inline const QString kSlotFull = QStringLiteral("slot-full");
inline const QString kNoSuchAppointment = QStringLiteral("no-such-appointment");
inline const QString kTooEarly = QStringLiteral("too-early");
inline const QString kTooLate = QStringLiteral("too-late");
inline const QString kNoSuchTask = QStringLiteral("no-such-task");
inline const QString kNoSuchCase = QStringLiteral("no-such-case");
inline const QString kNotAllowed = QStringLiteral("not-allowed");
inline const QString kUnavailable = QStringLiteral("unavailable");
inline const QString kInternal = QStringLiteral("internal");
} // namespace errors

QString typeName(MessageType type);
MessageType typeFromName(const QString &name);

// A validated message: its type and its fields (the JSON object without "v" and "type").
class Message {
public:
    Message() = default;
    Message(MessageType type, QJsonObject fields) : m_type(type), m_fields(std::move(fields)) { }

    MessageType type() const { return m_type; }
    const QJsonObject &fields() const { return m_fields; }
    QString string(const QString &key) const { return m_fields.value(key).toString(); }
    qint64 integer(const QString &key, qint64 fallback = 0) const;
    bool boolean(const QString &key) const { return m_fields.value(key).toBool(); }
    bool has(const QString &key) const { return m_fields.contains(key); }

    // Compact UTF-8 JSON with "v" and "type" added.
    QByteArray serialize() const;

private:
    MessageType m_type = MessageType::Unknown;
    QJsonObject m_fields;
};

// Why a message was refused: an error code for the peer and a sentence for people.
struct ProtocolError {
    QString code;
    QString message;
    QString refType; // the type the bad message claimed, when known
};

// Parses and validates against the schema of its type. Never throws.
std::variant<Message, ProtocolError> parseMessage(const QByteArray &bytes);

// Builds a message and checks it against the schema: a bug here is ours, so it asserts
// in debug builds and logs in release.
Message makeMessage(MessageType type, QJsonObject fields = {});
Message makeError(const QString &code, const QString &text, const QString &refType = {});

} // namespace ventanilla::signalling
