// The schema of protocol version 1: every message, its fields and its direction.
// docs/protocol.md is written from this table; change both together.
#include "ventanilla/signalling/message_schema.h"

#include <QJsonValue>

namespace ventanilla::signalling {
namespace {

constexpr int kIdLength = 64;
constexpr int kTextLength = 256;
constexpr int kSdpLength = 48 * 1024;
constexpr int kCandidateLength = 1024;

FieldSpec callId()
{
    return {"call_id", FieldKind::String, true, kIdLength};
}

} // namespace

const std::vector<MessageSchema> &messageSchemas()
{
    static const std::vector<MessageSchema> schemas{
        {MessageType::Hello, "hello", Direction::ToHub,
            {{"role", FieldKind::String, true, 16, {QStringLiteral("kiosk"), QStringLiteral("advisor")}},
                {"site_id", FieldKind::String, false, kIdLength}, {"credential", FieldKind::String, false, kTextLength},
                {"user", FieldKind::String, false, kIdLength}, {"password", FieldKind::String, false, kTextLength},
                {"client", FieldKind::String, false, kTextLength}}},
        {MessageType::Resume, "resume", Direction::ToHub, {{"token", FieldKind::String, true, kTextLength}}},
        {MessageType::Welcome, "welcome", Direction::FromHub,
            {{"peer_id", FieldKind::String, true, kIdLength}, {"display_name", FieldKind::String, true, kTextLength},
                {"token", FieldKind::String, true, kTextLength}, {"heartbeat_ms", FieldKind::Integer, true, 0},
                {"grace_ms", FieldKind::Integer, true, 0}, {"resumed", FieldKind::Boolean, true, 0}}},
        {MessageType::Services, "services", Direction::FromHub,
            {{"charter_version", FieldKind::String, true, kIdLength}, {"services", FieldKind::Array, true, 0}}},
        {MessageType::OfficeStatus, "office-status", Direction::FromHub,
            {{"open", FieldKind::Boolean, true, 0}, {"office", FieldKind::String, true, kTextLength},
                {"closes_at_ms", FieldKind::Integer, false, 0}, {"next_open_at_ms", FieldKind::Integer, false, 0},
                {"next_open_text", FieldKind::String, false, kTextLength},
                {"appointments", FieldKind::Boolean, false, 0}}},
        {MessageType::Ping, "ping", Direction::Both, {{"t", FieldKind::Integer, false, 0}}},
        {MessageType::Pong, "pong", Direction::Both, {{"t", FieldKind::Integer, false, 0}}},
        {MessageType::Bye, "bye", Direction::ToHub, {}},
        {MessageType::Error, "error", Direction::FromHub,
            {{"code", FieldKind::String, true, kIdLength}, {"message", FieldKind::String, true, kTextLength * 4},
                {"ref", FieldKind::String, false, kIdLength}}},
        {MessageType::AdvisorState, "advisor-state", Direction::Both,
            {{"state", FieldKind::String, true, 16,
                 {QStringLiteral("available"), QStringLiteral("away"), QStringLiteral("break"),
                     QStringLiteral("wrap-up")}},
                {"reason", FieldKind::String, false, kIdLength}, {"until_ms", FieldKind::Integer, false, 0}}},
        {MessageType::CallRequest, "call-request", Direction::ToHub,
            {{"service", FieldKind::String, true, kIdLength},
                {"priority", FieldKind::String, false, 16, {QStringLiteral("normal"), QStringLiteral("preferred")}}}},
        {MessageType::CallQueued, "call-queued", Direction::FromHub,
            {callId(), {"position", FieldKind::Integer, true, 0}, {"estimated_wait_s", FieldKind::Integer, false, 0},
                {"appointment_at_ms", FieldKind::Integer, false, 0}, {"service", FieldKind::String, false, kIdLength}}},
        {MessageType::CallOffer, "call-offer", Direction::FromHub,
            {callId(), {"site_id", FieldKind::String, true, kIdLength},
                {"municipality", FieldKind::String, true, kTextLength}, {"service", FieldKind::String, true, kIdLength},
                {"ring_timeout_ms", FieldKind::Integer, true, 0},
                {"service_name", FieldKind::String, false, kTextLength},
                {"case_reference", FieldKind::String, false, kIdLength},
                {"transferred_by", FieldKind::String, false, kTextLength},
                {"note", FieldKind::String, false, kTextLength * 4}}},
        {MessageType::CallAccept, "call-accept", Direction::ToHub, {callId()}},
        {MessageType::CallDecline, "call-decline", Direction::ToHub, {callId()}},
        {MessageType::CallStart, "call-start", Direction::FromHub,
            {callId(),
                {"sdp_role", FieldKind::String, true, 16, {QStringLiteral("offerer"), QStringLiteral("answerer")}},
                {"peer_name", FieldKind::String, true, kTextLength}, {"case_id", FieldKind::Integer, false, 0},
                {"case_reference", FieldKind::String, false, kIdLength}}},
        {MessageType::Sdp, "sdp", Direction::Both,
            {callId(), {"sdp_type", FieldKind::String, true, 16, {QStringLiteral("offer"), QStringLiteral("answer")}},
                {"sdp", FieldKind::String, true, kSdpLength}}},
        {MessageType::Ice, "ice", Direction::Both,
            {callId(), {"mline", FieldKind::Integer, true, 0},
                {"candidate", FieldKind::String, true, kCandidateLength}}},
        {MessageType::Share, "share", Direction::Both, {callId(), {"active", FieldKind::Boolean, true, 0}}},
        {MessageType::ShareRequest, "share-request", Direction::Both,
            {callId(), {"active", FieldKind::Boolean, true, 0}}},
        {MessageType::Hangup, "hangup", Direction::ToHub, {callId(), {"reason", FieldKind::String, false, kIdLength}}},
        {MessageType::CallEnded, "call-ended", Direction::FromHub,
            {callId(), {"reason", FieldKind::String, true, kIdLength},
                {"next_call_id", FieldKind::String, false, kIdLength}}},
        {MessageType::CallReport, "call-report", Direction::ToHub,
            {callId(), {"first_frame_at_ms", FieldKind::Integer, false, 0},
                {"video_frames", FieldKind::Integer, true, 0}, {"desktop_frames", FieldKind::Integer, true, 0},
                {"audio_packets", FieldKind::Integer, true, 0}, {"srtp_cipher", FieldKind::String, true, kIdLength},
                {"stats", FieldKind::Object, false, 0}}},
        {MessageType::AppointmentSlotsRequest, "appointment-slots-request", Direction::ToHub,
            {{"service", FieldKind::String, true, kIdLength}}},
        {MessageType::AppointmentSlots, "appointment-slots", Direction::FromHub,
            {{"service", FieldKind::String, true, kIdLength}, {"slots", FieldKind::Array, true, 0}}},
        {MessageType::AppointmentBook, "appointment-book", Direction::ToHub,
            {{"service", FieldKind::String, true, kIdLength}, {"starts_at_ms", FieldKind::Integer, true, 0},
                {"phone", FieldKind::String, true, 32}, {"name", FieldKind::String, false, kTextLength}}},
        {MessageType::AppointmentBooked, "appointment-booked", Direction::FromHub,
            {{"code", FieldKind::String, true, 16}, {"service", FieldKind::String, true, kIdLength},
                {"starts_at_ms", FieldKind::Integer, true, 0}, {"text", FieldKind::String, true, kTextLength}}},
        {MessageType::CheckIn, "check-in", Direction::ToHub, {{"code", FieldKind::String, true, 16}}},
        {MessageType::CallbackRequest, "callback-request", Direction::ToHub,
            {{"service", FieldKind::String, true, kIdLength}, {"phone", FieldKind::String, true, 32},
                {"name", FieldKind::String, false, kTextLength}, {"note", FieldKind::String, false, kTextLength},
                {"call_id", FieldKind::String, false, kIdLength}}},
        {MessageType::CallbackRegistered, "callback-registered", Direction::FromHub,
            {{"callback_id", FieldKind::Integer, true, 0}}},
        {MessageType::Tasks, "tasks", Direction::FromHub, {{"callbacks", FieldKind::Array, true, 0}}},
        {MessageType::TaskUpdate, "task-update", Direction::ToHub,
            {{"callback_id", FieldKind::Integer, true, 0},
                {"status", FieldKind::String, true, 16,
                    {QStringLiteral("open"), QStringLiteral("taken"), QStringLiteral("done"),
                        QStringLiteral("unreachable")}},
                {"outcome", FieldKind::String, false, kTextLength}}},
        {MessageType::StatsRequest, "stats-request", Direction::ToHub,
            {{"from_ms", FieldKind::Integer, true, 0}, {"to_ms", FieldKind::Integer, true, 0},
                {"group_by", FieldKind::String, false, kIdLength}}},
        {MessageType::Stats, "stats", Direction::FromHub, {{"report", FieldKind::Object, true, 0}}},
        {MessageType::CallTransfer, "call-transfer", Direction::ToHub,
            {callId(), {"service", FieldKind::String, false, kIdLength},
                {"advisor", FieldKind::String, false, kIdLength}, {"note", FieldKind::String, false, kTextLength * 4}}},
        {MessageType::CaseUpdate, "case-update", Direction::ToHub,
            {{"case_id", FieldKind::Integer, true, 0},
                {"case_type", FieldKind::String, false, 16,
                    {QStringLiteral("claim"), QStringLiteral("consultation"), QStringLiteral("certificate"),
                        QStringLiteral("procedure"), QStringLiteral("aid"), QStringLiteral("other")}},
                {"status", FieldKind::String, false, 32,
                    {QStringLiteral("open"), QStringLiteral("pending-citizen"),
                        QStringLiteral("pending-administration"), QStringLiteral("resolved"),
                        QStringLiteral("closed")}},
                {"note", FieldKind::String, false, kTextLength * 4}}},
        {MessageType::Case, "case", Direction::FromHub,
            {{"case_id", FieldKind::Integer, true, 0}, {"reference", FieldKind::String, true, kIdLength},
                {"case_type", FieldKind::String, true, 16}, {"status", FieldKind::String, true, 32},
                {"service", FieldKind::String, true, kIdLength}, {"notes", FieldKind::Array, true, 0}}},
        {MessageType::Survey, "survey", Direction::ToHub, {callId(), {"rating", FieldKind::Integer, true, 0}}},
    };
    return schemas;
}

const MessageSchema *schemaFor(MessageType type)
{
    for (const auto &schema : messageSchemas()) {
        if (schema.type == type)
            return &schema;
    }
    return nullptr;
}

std::optional<ProtocolError> validateFields(const MessageSchema &schema, const QJsonObject &fields)
{
    const QString type = QString::fromLatin1(schema.name);
    const auto bad = [&](const QString &text) { return ProtocolError{errors::kBadField, text, type}; };
    for (const FieldSpec &spec : schema.fields) {
        const QString name = QString::fromLatin1(spec.name);
        const QJsonValue value = fields.value(name);
        if (value.isUndefined() || value.isNull()) {
            if (spec.required)
                return bad(QStringLiteral("%1: field \"%2\" is missing").arg(type, name));
            continue;
        }
        switch (spec.kind) {
        case FieldKind::String: {
            if (!value.isString())
                return bad(QStringLiteral("%1: field \"%2\" must be a string").arg(type, name));
            const QString text = value.toString();
            if (text.toUtf8().size() > spec.maxLength)
                return bad(
                    QStringLiteral("%1: field \"%2\" is longer than %3 bytes").arg(type, name).arg(spec.maxLength));
            if (!spec.allowed.isEmpty() && !spec.allowed.contains(text))
                return bad(QStringLiteral("%1: field \"%2\" must be one of %3")
                               .arg(type, name, spec.allowed.join(QStringLiteral(", "))));
            break;
        }
        case FieldKind::Integer: {
            // JSON numbers are doubles; accept only whole numbers a double holds exactly.
            const double number = value.toDouble(0.5);
            if (!value.isDouble() || number != static_cast<double>(static_cast<qint64>(number)) || number < 0
                || number > 9007199254740991.0)
                return bad(QStringLiteral("%1: field \"%2\" must be a non-negative whole number").arg(type, name));
            break;
        }
        case FieldKind::Boolean:
            if (!value.isBool())
                return bad(QStringLiteral("%1: field \"%2\" must be true or false").arg(type, name));
            break;
        case FieldKind::Object:
            if (!value.isObject())
                return bad(QStringLiteral("%1: field \"%2\" must be an object").arg(type, name));
            break;
        case FieldKind::Array:
            if (!value.isArray())
                return bad(QStringLiteral("%1: field \"%2\" must be an array").arg(type, name));
            break;
        case FieldKind::Unknown:
            return bad(QStringLiteral("%1: field \"%2\" has no schema").arg(type, name));
        }
    }
    return std::nullopt;
}

} // namespace ventanilla::signalling
