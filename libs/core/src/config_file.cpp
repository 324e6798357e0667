// INI-style config reader with typed, range-checked getters and precise error messages.
#include "ventanilla/core/config_file.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <algorithm>

namespace ventanilla {

Result<ConfigFile> ConfigFile::load(const QString &path)
{
    if (path.isEmpty())
        return fromText({}, QStringLiteral("<defaults>"));
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        return failure(QStringLiteral("cannot read config file %1: %2").arg(path, file.errorString()));
    const QByteArray bytes = file.read(1024 * 1024 + 1);
    if (bytes.size() > 1024 * 1024)
        return failure(QStringLiteral("config file %1 is larger than 1 MiB").arg(path));
    ConfigFile config = fromText(QString::fromUtf8(bytes), QFileInfo(path).absoluteFilePath());
    return config;
}

ConfigFile ConfigFile::fromText(const QString &text, const QString &name)
{
    ConfigFile config;
    config.m_fileName = name;
    QString section;
    const QStringList lines = text.split(QLatin1Char('\n'));
    for (int i = 0; i < lines.size(); ++i) {
        const QString line = lines[i].trimmed();
        const int number = i + 1;
        if (line.isEmpty() || line.startsWith(QLatin1Char('#')) || line.startsWith(QLatin1Char(';')))
            continue;
        if (line.startsWith(QLatin1Char('['))) {
            if (!line.endsWith(QLatin1Char(']')) || line.size() < 3) {
                config.m_errors
                    << QStringLiteral("%1:%2: a section header must look like [name]").arg(name).arg(number);
                continue;
            }
            section = line.mid(1, line.size() - 2).trimmed();
            continue;
        }
        const qsizetype equals = line.indexOf(QLatin1Char('='));
        if (equals <= 0) {
            config.m_errors << QStringLiteral("%1:%2: expected \"key = value\", found \"%3\"")
                                   .arg(name)
                                   .arg(number)
                                   .arg(line.left(60));
            continue;
        }
        const QString key = (section.isEmpty() ? QString() : section + QLatin1Char('/')) + line.left(equals).trimmed();
        if (config.m_entries.contains(key)) {
            config.m_errors << QStringLiteral("%1:%2: %3 is set twice (first on line %4)")
                                   .arg(name)
                                   .arg(number)
                                   .arg(key)
                                   .arg(config.m_entries[key].line);
            continue;
        }
        config.m_entries.insert(key, {line.mid(equals + 1).trimmed(), number});
    }
    return config;
}

const ConfigFile::Entry *ConfigFile::find(const QString &key)
{
    m_asked << key;
    auto it = m_entries.constFind(key);
    return it == m_entries.constEnd() ? nullptr : &it.value();
}

void ConfigFile::addError(const QString &key, const QString &what)
{
    const auto it = m_entries.constFind(key);
    const QString where
        = it == m_entries.constEnd() ? m_fileName : QStringLiteral("%1:%2").arg(m_fileName).arg(it->line);
    m_errors << QStringLiteral("%1: %2: %3").arg(where, key, what);
}

QString ConfigFile::string(const QString &key, const QString &fallback)
{
    const Entry *entry = find(key);
    return entry ? entry->value : fallback;
}

QString ConfigFile::requiredString(const QString &key)
{
    const Entry *entry = find(key);
    if (!entry || entry->value.isEmpty()) {
        addError(key, QStringLiteral("is required"));
        return {};
    }
    return entry->value;
}

int ConfigFile::integer(const QString &key, int fallback, int min, int max)
{
    const Entry *entry = find(key);
    if (!entry)
        return fallback;
    bool ok = false;
    const qlonglong value = entry->value.toLongLong(&ok);
    if (!ok) {
        addError(key, QStringLiteral("\"%1\" is not a whole number").arg(entry->value));
        return fallback;
    }
    if (value < min || value > max) {
        addError(key, QStringLiteral("%1 is out of range (%2 to %3)").arg(value).arg(min).arg(max));
        return fallback;
    }
    return static_cast<int>(value);
}

bool ConfigFile::boolean(const QString &key, bool fallback)
{
    const QString value = choice(key, fallback ? QStringLiteral("true") : QStringLiteral("false"),
        {QStringLiteral("true"), QStringLiteral("false"), QStringLiteral("yes"), QStringLiteral("no"),
            QStringLiteral("on"), QStringLiteral("off")});
    return value == QLatin1String("true") || value == QLatin1String("yes") || value == QLatin1String("on");
}

QString ConfigFile::choice(const QString &key, const QString &fallback, const QStringList &allowed)
{
    const Entry *entry = find(key);
    if (!entry)
        return fallback;
    const QString value = entry->value.toLower();
    if (!allowed.contains(value)) {
        addError(key, QStringLiteral("\"%1\" is not one of: %2").arg(entry->value, allowed.join(QStringLiteral(", "))));
        return fallback;
    }
    return value;
}

QString ConfigFile::path(const QString &key, const QString &fallback)
{
    const QString value = string(key, fallback);
    if (value.isEmpty())
        return value;
    QString expanded = value;
    if (expanded.startsWith(QLatin1String("~/")))
        expanded = QDir::homePath() + expanded.mid(1);
    if (QFileInfo(expanded).isAbsolute() || !m_fileName.startsWith(QLatin1Char('/')))
        return QDir::cleanPath(QFileInfo(expanded).absoluteFilePath());
    return QDir::cleanPath(QFileInfo(m_fileName).absoluteDir().filePath(expanded));
}

QStringList ConfigFile::sections(const QString &prefix) const
{
    QList<QPair<int, QString>> found;
    for (auto it = m_entries.constBegin(); it != m_entries.constEnd(); ++it) {
        const QString section = it.key().section(QLatin1Char('/'), 0, 0);
        if (it.key().contains(QLatin1Char('/')) && section.startsWith(prefix)
            && std::none_of(found.cbegin(), found.cend(), [&](const auto &f) { return f.second == section; }))
            found.append({it->line, section});
    }
    // The first key's line stands for the section's place in the file.
    for (auto it = m_entries.constBegin(); it != m_entries.constEnd(); ++it) {
        for (auto &[line, section] : found) {
            if (it.key().startsWith(section + QLatin1Char('/')))
                line = std::min(line, it->line);
        }
    }
    std::sort(found.begin(), found.end());
    QStringList names;
    for (const auto &entry : found)
        names << entry.second;
    return names;
}

int ConfigFile::lineOf(const QString &key) const
{
    const auto it = m_entries.constFind(key);
    return it == m_entries.constEnd() ? 0 : it->line;
}

void ConfigFile::rejectUnknownKeys()
{
    for (auto it = m_entries.constBegin(); it != m_entries.constEnd(); ++it) {
        if (!m_asked.contains(it.key()))
            m_errors << QStringLiteral("%1:%2: unknown setting \"%3\" (a typo?)")
                            .arg(m_fileName)
                            .arg(it->line)
                            .arg(it.key());
    }
}

} // namespace ventanilla
