// Small conversions between domain values and SQLite bindings, shared by the store's files.
#pragma once

#include <QVariant>

#include <optional>

namespace ventanilla::store {

inline QVariant optionalValue(const std::optional<qint64> &value)
{
    return value ? QVariant(*value) : QVariant();
}

inline QVariant textOrNull(const QString &text)
{
    return text.isEmpty() ? QVariant() : QVariant(text);
}

} // namespace ventanilla::store
