// The protocol's parser and serialiser: every message type round-trips, and every kind
// of bad input is refused with the right error code and never throws.
#include "ventanilla/signalling/message_schema.h"
#include "ventanilla/signalling/protocol.h"

#include <catch2/catch.hpp>

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>

using namespace ventanilla::signalling;

namespace {

ProtocolError refusal(const QByteArray &bytes)
{
    auto parsed = parseMessage(bytes);
    REQUIRE(std::holds_alternative<ProtocolError>(parsed));
    return std::get<ProtocolError>(parsed);
}

Message accepted(const QByteArray &bytes)
{
    auto parsed = parseMessage(bytes);
    if (auto *error = std::get_if<ProtocolError>(&parsed))
        FAIL(error->message.toStdString());
    return std::get<Message>(parsed);
}

// A valid value for each field, from the schema.
QJsonObject sampleFields(const MessageSchema &schema)
{
    QJsonObject fields;
    for (const FieldSpec &spec : schema.fields) {
        const QString name = QString::fromLatin1(spec.name);
        switch (spec.kind) {
        case FieldKind::String:
            fields.insert(name, spec.allowed.isEmpty() ? QStringLiteral("x") : spec.allowed.first());
            break;
        case FieldKind::Integer:
            fields.insert(name, 42);
            break;
        case FieldKind::Boolean:
            fields.insert(name, true);
            break;
        case FieldKind::Object:
            fields.insert(name, QJsonObject{{QStringLiteral("k"), 1}});
            break;
        case FieldKind::Array:
            fields.insert(name, QJsonArray{QStringLiteral("x")});
            break;
        case FieldKind::Unknown:
            break;
        }
    }
    return fields;
}

} // namespace

TEST_CASE("every message type round-trips through serialise and parse", "[protocol]")
{
    for (const MessageSchema &schema : messageSchemas()) {
        INFO(schema.name);
        const Message original(schema.type, sampleFields(schema));
        const Message parsed = accepted(original.serialize());
        CHECK(parsed.type() == schema.type);
        CHECK(parsed.fields() == original.fields());
        CHECK(typeFromName(typeName(schema.type)) == schema.type);
    }
}

TEST_CASE("a serialised message carries the version and type", "[protocol]")
{
    const QByteArray bytes
        = makeMessage(MessageType::CallAccept, {{QStringLiteral("call_id"), QStringLiteral("c1")}}).serialize();
    const QJsonObject object = QJsonDocument::fromJson(bytes).object();
    CHECK(object.value(QStringLiteral("v")).toInt() == kProtocolVersion);
    CHECK(object.value(QStringLiteral("type")).toString() == QStringLiteral("call-accept"));
    CHECK(object.value(QStringLiteral("call_id")).toString() == QStringLiteral("c1"));
}

TEST_CASE("bad input is refused with a precise error", "[protocol]")
{
    CHECK(refusal("").code == errors::kMalformed);
    CHECK(refusal("{").code == errors::kMalformed);
    CHECK(refusal("not json").code == errors::kMalformed);
    CHECK(refusal("[1,2,3]").code == errors::kMalformed);
    CHECK(refusal("\"hello\"").code == errors::kMalformed);
    CHECK(refusal(R"({"v":1})").code == errors::kMalformed);
    CHECK(refusal(R"({"v":1,"type":7})").code == errors::kMalformed);
    CHECK(refusal(R"({"type":"ping"})").code == errors::kMalformed);
    CHECK(refusal(R"({"v":"1","type":"ping"})").code == errors::kMalformed);
    CHECK(refusal(R"({"v":2,"type":"ping"})").code == errors::kUnsupportedVersion);
    CHECK(refusal(R"({"v":1,"type":"teleport"})").code == errors::kUnknownType);

    SECTION("missing and mistyped fields name the field")
    {
        const auto missing = refusal(R"({"v":1,"type":"call-accept"})");
        CHECK(missing.code == errors::kBadField);
        CHECK(missing.message.contains(QStringLiteral("call_id")));
        CHECK(missing.refType == QStringLiteral("call-accept"));
        CHECK(refusal(R"({"v":1,"type":"call-accept","call_id":5})").code == errors::kBadField);
        CHECK(refusal(R"({"v":1,"type":"ice","call_id":"c","mline":"0","candidate":"x"})").code == errors::kBadField);
        CHECK(refusal(R"({"v":1,"type":"ice","call_id":"c","mline":-1,"candidate":"x"})").code == errors::kBadField);
        CHECK(refusal(R"({"v":1,"type":"ice","call_id":"c","mline":1.5,"candidate":"x"})").code == errors::kBadField);
        CHECK(refusal(R"({"v":1,"type":"share","call_id":"c","active":"yes"})").code == errors::kBadField);
        CHECK(
            refusal(
                R"({"v":1,"type":"call-report","call_id":"c","video_frames":1,"desktop_frames":1,"audio_packets":1,"srtp_cipher":"x","stats":[]})")
                .code
            == errors::kBadField);
    }

    SECTION("values outside the allowed set are refused")
    {
        CHECK(refusal(R"({"v":1,"type":"hello","role":"admin"})").code == errors::kBadField);
        CHECK(refusal(R"({"v":1,"type":"advisor-state","state":"asleep"})").code == errors::kBadField);
        CHECK(refusal(R"({"v":1,"type":"sdp","call_id":"c","sdp_type":"pranswer","sdp":"v=0"})").code
            == errors::kBadField);
    }

    SECTION("over-long fields and messages are refused")
    {
        const QByteArray longId(65, 'a');
        CHECK(refusal(R"({"v":1,"type":"call-accept","call_id":")" + longId + "\"}").code == errors::kBadField);
        const QByteArray huge = R"({"v":1,"type":"ping","pad":")" + QByteArray(kMaxMessageBytes, 'x') + "\"}";
        CHECK(refusal(huge).code == errors::kTooLarge);
    }

    SECTION("unknown extra fields are tolerated, for forward compatibility")
    {
        const Message message = accepted(R"({"v":1,"type":"call-accept","call_id":"c","future":true})");
        CHECK(message.string(QStringLiteral("call_id")) == QStringLiteral("c"));
    }
}

TEST_CASE("random and mutated input never crashes the parser", "[protocol][fuzz]")
{
    auto *random = QRandomGenerator::global();
    QList<QByteArray> seeds;
    for (const MessageSchema &schema : messageSchemas())
        seeds << Message(schema.type, sampleFields(schema)).serialize();
    int refused = 0;
    for (int i = 0; i < 20000; ++i) {
        QByteArray bytes = seeds[static_cast<int>(random->bounded(seeds.size()))];
        const int mutations = 1 + static_cast<int>(random->bounded(4));
        for (int m = 0; m < mutations && !bytes.isEmpty(); ++m) {
            const int at = static_cast<int>(random->bounded(bytes.size()));
            switch (random->bounded(3)) {
            case 0:
                bytes[at] = static_cast<char>(random->bounded(256));
                break;
            case 1:
                bytes.remove(at, 1 + static_cast<int>(random->bounded(3)));
                break;
            default:
                bytes.insert(at, static_cast<char>(random->bounded(256)));
                break;
            }
        }
        auto parsed = parseMessage(bytes);
        if (auto *error = std::get_if<ProtocolError>(&parsed)) {
            ++refused;
            CHECK_FALSE(error->code.isEmpty());
        } else {
            // Whatever parses must also be valid for its schema.
            const Message &message = std::get<Message>(parsed);
            CHECK_FALSE(validateFields(*schemaFor(message.type()), message.fields()).has_value());
        }
    }
    CHECK(refused > 1000);
}

TEST_CASE("docs/protocol.md documents every message type", "[protocol][docs]")
{
    QFile doc(QStringLiteral(VENTANILLA_SOURCE_DIR "/docs/protocol.md"));
    REQUIRE(doc.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(doc.readAll());
    for (const MessageSchema &schema : messageSchemas()) {
        INFO(schema.name);
        CHECK(text.contains(QStringLiteral("\n### %1\n").arg(QLatin1String(schema.name))));
        for (const FieldSpec &field : schema.fields)
            CHECK(text.contains(QStringLiteral("`%1`").arg(QLatin1String(field.name))));
    }
}

TEST_CASE("no message field is named like the envelope's own keys", "[protocol]")
{
    // A field called "type" or "v" would be overwritten by the envelope when serialised.
    for (const auto &schema : messageSchemas()) {
        for (const auto &field : schema.fields) {
            INFO(schema.name << "." << field.name);
            CHECK(QLatin1String(field.name) != QLatin1String("type"));
            CHECK(QLatin1String(field.name) != QLatin1String("v"));
        }
    }
}
