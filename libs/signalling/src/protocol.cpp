// Parsing and serialising protocol messages, with every refusal explained.
#include "ventanilla/signalling/protocol.h"

#include "ventanilla/signalling/logging.h"
#include "ventanilla/signalling/message_schema.h"

#include <QJsonDocument>
#include <QJsonParseError>

namespace ventanilla::signalling {

QString typeName(MessageType type)
{
    const MessageSchema *schema = schemaFor(type);
    return schema ? QString::fromLatin1(schema->name) : QStringLiteral("unknown");
}

MessageType typeFromName(const QString &name)
{
    for (const auto &schema : messageSchemas()) {
        if (name == QLatin1String(schema.name))
            return schema.type;
    }
    return MessageType::Unknown;
}

qint64 Message::integer(const QString &key, qint64 fallback) const
{
    const QJsonValue value = m_fields.value(key);
    return value.isDouble() ? static_cast<qint64>(value.toDouble()) : fallback;
}

QByteArray Message::serialize() const
{
    QJsonObject object = m_fields;
    object.insert(QStringLiteral("v"), kProtocolVersion);
    object.insert(QStringLiteral("type"), typeName(m_type));
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

std::variant<Message, ProtocolError> parseMessage(const QByteArray &bytes)
{
    if (bytes.size() > kMaxMessageBytes)
        return ProtocolError{errors::kTooLarge,
            QStringLiteral("message of %1 bytes is over the limit of %2").arg(bytes.size()).arg(kMaxMessageBytes), {}};
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(bytes, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return ProtocolError{errors::kMalformed,
            QStringLiteral("not valid JSON: %1 at offset %2").arg(parseError.errorString()).arg(parseError.offset), {}};
    if (!document.isObject())
        return ProtocolError{errors::kMalformed, QStringLiteral("a message must be a JSON object"), {}};

    QJsonObject object = document.object();
    const QJsonValue version = object.take(QStringLiteral("v"));
    const QJsonValue typeValue = object.take(QStringLiteral("type"));
    if (!typeValue.isString())
        return ProtocolError{errors::kMalformed, QStringLiteral("field \"type\" is missing or not a string"), {}};
    const QString name = typeValue.toString().left(64);
    if (!version.isDouble())
        return ProtocolError{
            errors::kMalformed, QStringLiteral("field \"v\" (protocol version) is missing or not a number"), name};
    if (version.toDouble() != kProtocolVersion)
        return ProtocolError{errors::kUnsupportedVersion,
            QStringLiteral("protocol version %1 is not supported; this side speaks %2")
                .arg(version.toDouble())
                .arg(kProtocolVersion),
            name};

    const MessageType type = typeFromName(name);
    const MessageSchema *schema = schemaFor(type);
    if (!schema)
        return ProtocolError{errors::kUnknownType, QStringLiteral("unknown message type \"%1\"").arg(name), name};
    if (auto invalid = validateFields(*schema, object))
        return *invalid;
    return Message(type, std::move(object));
}

Message makeMessage(MessageType type, QJsonObject fields)
{
    const MessageSchema *schema = schemaFor(type);
    Q_ASSERT(schema);
    if (schema) {
        if (auto invalid = validateFields(*schema, fields)) {
            qCCritical(lcSignalling).noquote() << "built an invalid message:" << invalid->message;
            Q_ASSERT_X(false, "makeMessage", "message does not match its schema");
        }
    }
    return Message(type, std::move(fields));
}

Message makeError(const QString &code, const QString &text, const QString &refType)
{
    QJsonObject fields{{QStringLiteral("code"), code}, {QStringLiteral("message"), text.left(1024)}};
    if (!refType.isEmpty())
        fields.insert(QStringLiteral("ref"), refType.left(64));
    return makeMessage(MessageType::Error, std::move(fields));
}

} // namespace ventanilla::signalling
