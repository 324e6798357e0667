// Helpers shared by the tests: waiting on the event loop, temporary directories, media
// settings for test sources on loopback.
#pragma once

#include "ventanilla/core/result.h"

#include <QString>
#include <QTemporaryDir>

#include <functional>

#include <catch2/catch.hpp>

namespace Catch {
template <> struct StringMaker<QString> {
    static std::string convert(const QString &value) { return '"' + value.toStdString() + '"'; }
};
} // namespace Catch

namespace ventanilla::test {

// Runs the event loop until condition holds or timeout_ms passes; returns condition().
bool waitUntil(const std::function<bool()> &condition, int timeout_ms);
// Fails the test with the status's message when it is an error.
#define REQUIRE_OK(expression)                                                                                         \
    do {                                                                                                               \
        const auto &status_ = (expression);                                                                            \
        if (!status_.ok())                                                                                             \
            FAIL(#expression << ": " << status_.error().toStdString());                                                \
    } while (false)

// Waits for condition; on time-out fails with describe, evaluated then (the state at failure).
#define REQUIRE_EVENTUALLY(condition, timeout_ms, describe)                                                            \
    do {                                                                                                               \
        if (!ventanilla::test::waitUntil([&] { return static_cast<bool>(condition); }, timeout_ms))                    \
            FAIL("still false after " << (timeout_ms) << " ms: " #condition "\n" << describe);                         \
    } while (false)

// Runs the event loop for duration_ms.
void spin(int duration_ms);

} // namespace ventanilla::test
