// The field schema of every message type, and who may send it.
// Used by the parser to validate input and by makeMessage to check our own output.
#pragma once

#include "ventanilla/signalling/protocol.h"

#include <QStringList>

#include <span>

namespace ventanilla::signalling {

enum class FieldKind { Unknown = 0, String, Integer, Boolean, Object, Array };

struct FieldSpec {
    const char *name;
    FieldKind kind;
    bool required;
    int maxLength; // for strings, in UTF-8 bytes
    QStringList allowed{}; // for strings: the only accepted values, when not empty
};

enum class Direction { Unknown = 0, ToHub, FromHub, Both };

struct MessageSchema {
    MessageType type;
    const char *name;
    Direction direction;
    std::vector<FieldSpec> fields;
};

const std::vector<MessageSchema> &messageSchemas();
const MessageSchema *schemaFor(MessageType type);

// Checks fields against the schema; an empty optional means valid.
std::optional<ProtocolError> validateFields(const MessageSchema &schema, const QJsonObject &fields);

} // namespace ventanilla::signalling
