// Reads the apps' INI-style config files ("key = value" lines under [section] headers)
// and checks every value, collecting errors as "file:line: key: what is wrong".
#pragma once

#include "ventanilla/core/result.h"

#include <QHash>
#include <QStringList>

namespace ventanilla {

class ConfigFile {
public:
    // An empty file name gives an empty config where every key takes its default.
    static Result<ConfigFile> load(const QString &path);
    static ConfigFile fromText(const QString &text, const QString &name = QStringLiteral("<text>"));

    // Keys are "section/key" (or "key" before any section).
    QString string(const QString &key, const QString &fallback);
    // A string that must not be empty when given.
    QString requiredString(const QString &key);
    int integer(const QString &key, int fallback, int min, int max);
    bool boolean(const QString &key, bool fallback);
    // One of the allowed words.
    QString choice(const QString &key, const QString &fallback, const QStringList &allowed);
    // A path, made absolute relative to the config file's folder.
    QString path(const QString &key, const QString &fallback);

    // The names of the sections that start with prefix ("service " → "service padron", …),
    // in the order they appear in the file.
    QStringList sections(const QString &prefix) const;
    // The line a key is on, 0 if absent.
    int lineOf(const QString &key) const;

    // Records that a value read with string() is wrong, with the key's file and line.
    void invalid(const QString &key, const QString &what) { addError(key, what); }
    // Adds an error for every key the program never asked for (likely a typo).
    void rejectUnknownKeys();
    bool hasErrors() const { return !m_errors.isEmpty(); }
    const QStringList &errors() const { return m_errors; }
    QString errorText() const { return m_errors.join(QLatin1Char('\n')); }
    const QString &fileName() const { return m_fileName; }

private:
    struct Entry {
        QString value;
        int line = 0;
    };
    void addError(const QString &key, const QString &what);
    const Entry *find(const QString &key);

    QString m_fileName;
    QHash<QString, Entry> m_entries;
    QStringList m_asked;
    QStringList m_errors;
};

} // namespace ventanilla
