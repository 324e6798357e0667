// Result<T>: a value or a user-readable error, for operations that fail on bad input.
// C++20 has no std::expected; this is the smallest thing that keeps errors explicit.
#pragma once

#include <QString>

#include <optional>
#include <utility>
#include <variant>

namespace ventanilla {

struct Error {
    QString message;
};

template <typename T> class [[nodiscard]] Result {
public:
    Result(T value) : m_state(std::move(value)) { }
    Result(Error error) : m_state(std::move(error)) { }

    bool ok() const { return std::holds_alternative<T>(m_state); }
    explicit operator bool() const { return ok(); }

    T &value() & { return std::get<T>(m_state); }
    const T &value() const & { return std::get<T>(m_state); }
    T &&value() && { return std::get<T>(std::move(m_state)); }
    T *operator->() { return &value(); }
    const T *operator->() const { return &value(); }
    T &operator*() & { return value(); }
    const T &operator*() const & { return value(); }

    const QString &error() const { return std::get<Error>(m_state).message; }

private:
    std::variant<T, Error> m_state;
};

// For operations that return nothing but may fail.
struct Done { };
using Status = Result<Done>;
inline Status success()
{
    return Done{};
}
inline Error failure(QString message)
{
    return Error{std::move(message)};
}

} // namespace ventanilla
