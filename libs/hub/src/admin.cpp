// Admin commands over the store, with validation before any change.
#include "ventanilla/hub/admin.h"

#include "ventanilla/crypto/password.h"
#include "ventanilla/crypto/pki.h"
#include "ventanilla/hub/charter.h"
#include "ventanilla/hub/offices.h"
#include "ventanilla/hub/shifts.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSaveFile>

namespace ventanilla::hub::admin {
namespace {

bool isIdentifier(const QString &text)
{
    static const QRegularExpression pattern(QStringLiteral("^[a-z0-9][a-z0-9._-]{0,63}$"));
    return pattern.match(text).hasMatch();
}

QString time(std::optional<qint64> ms)
{
    return ms ? QDateTime::fromMSecsSinceEpoch(*ms).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"))
              : QStringLiteral("-");
}

} // namespace

Result<QString> initialise(const HubConfig &config)
{
    if (!QDir().mkpath(config.dataDirectory))
        return failure(QStringLiteral("cannot create the data directory %1").arg(config.dataDirectory));
    QStringList done;
    try {
        store::Store::open(config.databasePath);
        done << QStringLiteral("database %1 ready").arg(config.databasePath);
    } catch (const store::StoreError &error) {
        return failure(QString::fromStdString(error.what()));
    }
    const auto pki = crypto::PkiPaths::inDirectory(config.pkiDirectory);
    if (pki.allExist()) {
        done << QStringLiteral("PKI already in %1").arg(config.pkiDirectory);
    } else if (auto made = crypto::generateDemoPki(pki, config.hostNames); !made) {
        return failure(made.error());
    } else {
        done << QStringLiteral("demo CA and hub certificate written to %1").arg(config.pkiDirectory);
    }
    const auto fingerprint = crypto::certificateFingerprint(pki.hubCertificate);
    if (fingerprint)
        done << QStringLiteral("hub certificate SHA-256 %1").arg(*fingerprint);
    done << QStringLiteral("give clients %1 as their hub_certificate").arg(pki.hubCertificate);
    return done.join(QLatin1Char('\n'));
}

Result<QString> addAdvisor(
    store::Store &store, const QString &username, const QString &displayName, const QString &password)
{
    if (!isIdentifier(username))
        return failure(
            QStringLiteral("user name \"%1\" must be 1-64 characters: lower-case letters, digits, '.', '_' or '-'")
                .arg(username));
    if (displayName.trimmed().isEmpty())
        return failure(QStringLiteral("the display name is empty"));
    if (password.size() < 8)
        return failure(QStringLiteral("the password must have at least 8 characters"));
    if (store.advisorByUsername(username))
        return failure(QStringLiteral("advisor \"%1\" already exists").arg(username));
    const auto hash = crypto::hashPassword(password);
    if (!hash)
        return failure(hash.error());
    try {
        store.addAdvisor(username, displayName.trimmed(), *hash);
        store.audit(QStringLiteral("admin"), QStringLiteral("add-advisor"), username);
    } catch (const store::StoreError &error) {
        return failure(QString::fromStdString(error.what()));
    }
    return QStringLiteral("advisor %1 added").arg(username);
}

Result<QString> setSkills(store::Store &store, const QString &username, const QString &skills)
{
    const auto advisor = store.advisorByUsername(username);
    if (!advisor)
        return failure(QStringLiteral("no advisor %1").arg(username));
    static const QRegularExpression entry(QStringLiteral("^([a-z0-9][a-z0-9-]{0,31})(?::([1-9]))?$"));
    QHash<QString, int> levels;
    for (const QString &item : skills.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const auto match = entry.match(item.trimmed());
        if (!match.hasMatch())
            return failure(
                QStringLiteral("\"%1\" is not a skill like padron or padron:2 (levels 1 to 9)").arg(item.trimmed()));
        levels.insert(match.captured(1), match.captured(2).isEmpty() ? 1 : match.captured(2).toInt());
    }
    store.setAdvisorSkills(advisor->id, levels);
    store.audit(QStringLiteral("admin"), QStringLiteral("set-skills"), username + QLatin1Char(' ') + skills);
    return levels.isEmpty() ? QStringLiteral("advisor %1 takes every service").arg(username)
                            : QStringLiteral("advisor %1 has %2 skill(s)").arg(username).arg(levels.size());
}

Result<QString> addKiosk(store::Store &store, const QString &siteId, const QString &municipality)
{
    if (!isIdentifier(siteId))
        return failure(
            QStringLiteral("site id \"%1\" must be 1-64 characters: lower-case letters, digits, '.', '_' or '-'")
                .arg(siteId));
    if (municipality.trimmed().isEmpty())
        return failure(QStringLiteral("the municipality is empty"));
    if (store.kioskBySiteId(siteId))
        return failure(QStringLiteral("kiosk \"%1\" already exists").arg(siteId));
    const QString credential = crypto::generateCredential();
    try {
        store.addKiosk(siteId, municipality.trimmed(), crypto::hashCredential(credential));
        store.audit(QStringLiteral("admin"), QStringLiteral("add-kiosk"), siteId);
    } catch (const store::StoreError &error) {
        return failure(QString::fromStdString(error.what()));
    }
    return credential;
}

Result<QString> importCharter(store::Store &store, const QString &path)
{
    auto charter = loadCharter(path);
    if (!charter)
        return failure(charter.error());
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return failure(QStringLiteral("cannot read %1").arg(path));
    const QString source = QString::fromUtf8(file.readAll());
    QList<store::ServiceRow> rows;
    for (const Service &service : charter->services) {
        rows.append({service.id, service.nameEs, categoryId(service.category), service.skill,
            service.expectedHandling_s, service.commitmentPercent, service.commitmentWithin_s, service.maxWait_s});
    }
    try {
        const store::CharterImport outcome = store.importCharter(charter->version, source, rows);
        store.audit(QStringLiteral("admin"), QStringLiteral("import-charter"), charter->version);
        switch (outcome) {
        case store::CharterImport::AlreadyActive:
            return QStringLiteral("charter %1 is already in force; nothing changed").arg(charter->version);
        case store::CharterImport::Reactivated:
            return QStringLiteral("charter %1 (imported before) is in force again").arg(charter->version);
        default:
            return QStringLiteral("charter %1 imported with %2 services and now in force")
                .arg(charter->version)
                .arg(rows.size());
        }
    } catch (const store::StoreError &error) {
        return failure(QString::fromStdString(error.what()));
    }
}

Result<Charter> charterInForce(store::Store &store)
{
    const auto record = store.activeCharter();
    if (!record)
        return failure(QStringLiteral("no charter has been imported yet (ventanilla-hub import-charter FILE)"));
    return parseCharter(record->source, QStringLiteral("charter %1 (database)").arg(record->version));
}

Result<QString> describeCharter(store::Store &store)
{
    auto charter = charterInForce(store);
    if (!charter)
        return failure(charter.error());
    QStringList lines{
        QStringLiteral("charter %1, published %2: %3").arg(charter->version, charter->publishedOn, charter->titleEs),
        QStringLiteral("service\tcategory\tskill\thandling\tcommitment")};
    for (const Service &service : charter->services) {
        lines << QStringLiteral("%1\t%2\t%3\t%4 s\t%5 % within %6 s, at most %7 s")
                     .arg(service.id, categoryId(service.category), service.skill)
                     .arg(service.expectedHandling_s)
                     .arg(service.commitmentPercent)
                     .arg(service.commitmentWithin_s)
                     .arg(service.maxWait_s);
    }
    return lines.join(QLatin1Char('\n'));
}

Result<QString> exportCharter(store::Store &store, const QString &htmlPath, const QString &pdfPath)
{
    if (htmlPath.isEmpty() && pdfPath.isEmpty())
        return failure(QStringLiteral("say where to write it: --html FILE and/or --pdf FILE"));
    auto charter = charterInForce(store);
    if (!charter)
        return failure(charter.error());
    QStringList written;
    if (!htmlPath.isEmpty()) {
        QSaveFile html(htmlPath);
        if (!html.open(QIODevice::WriteOnly) || html.write(charterHtml(*charter).toUtf8()) < 0 || !html.commit())
            return failure(QStringLiteral("cannot write %1: %2").arg(htmlPath, html.errorString()));
        written << htmlPath;
    }
    if (!pdfPath.isEmpty()) {
        if (auto pdf = writeCharterPdf(*charter, pdfPath); !pdf)
            return failure(pdf.error());
        written << pdfPath;
    }
    return QStringLiteral("charter %1 written to %2").arg(charter->version, written.join(QStringLiteral(" and ")));
}

Result<QString> addOffice(store::Store &store, const QString &ineCode, const QString &municipality,
    const QString &address, const QString &openingHours, const QString &timeZone)
{
    static const QRegularExpression ine(QStringLiteral("^\\d{5}$"));
    if (!ine.match(ineCode).hasMatch())
        return failure(QStringLiteral("INE code \"%1\" must be the municipality's 5 digits (e.g. 02016)").arg(ineCode));
    if (municipality.trimmed().isEmpty())
        return failure(QStringLiteral("the municipality is empty"));
    if (!QTimeZone(timeZone.toUtf8()).isValid())
        return failure(QStringLiteral("unknown time zone \"%1\"").arg(timeZone));
    auto hours = OpeningHours::parse(openingHours, QTimeZone(timeZone.toUtf8()));
    if (!hours)
        return failure(QStringLiteral("opening hours: %1").arg(hours.error()));
    if (store.officeByIneCode(ineCode))
        return failure(QStringLiteral("office %1 already exists").arg(ineCode));
    try {
        store.addOffice({0, ineCode, municipality.trimmed(), address.trimmed(), timeZone, hours->toString()});
        store.audit(QStringLiteral("admin"), QStringLiteral("add-office"), ineCode);
    } catch (const store::StoreError &error) {
        return failure(QString::fromStdString(error.what()));
    }
    return QStringLiteral("office %1 %2 added, open %3")
        .arg(ineCode, municipality.trimmed(),
            hours->toString().isEmpty() ? QStringLiteral("never (set its hours)") : hours->toString());
}

Result<QString> setOpeningHours(store::Store &store, const QString &ineCode, const QString &openingHours)
{
    const auto office = store.officeByIneCode(ineCode);
    if (!office)
        return failure(QStringLiteral("no office %1").arg(ineCode));
    auto hours = OpeningHours::parse(openingHours, QTimeZone(office->timeZone.toUtf8()));
    if (!hours)
        return failure(QStringLiteral("opening hours: %1").arg(hours.error()));
    store.setOpeningHours(office->id, hours->toString());
    store.audit(QStringLiteral("admin"), QStringLiteral("set-hours"), ineCode + QLatin1Char(' ') + hours->toString());
    return QStringLiteral("office %1 now open %2").arg(ineCode, hours->toString());
}

Result<QString> addHoliday(store::Store &store, const QString &ineCode, const QString &day, const QString &note)
{
    const auto office = store.officeByIneCode(ineCode);
    if (!office)
        return failure(QStringLiteral("no office %1").arg(ineCode));
    const QDate date = QDate::fromString(day, Qt::ISODate);
    if (!date.isValid())
        return failure(QStringLiteral("\"%1\" is not a date like 2026-12-25").arg(day));
    store.addHoliday(office->id, date, note);
    store.audit(QStringLiteral("admin"), QStringLiteral("add-holiday"), ineCode + QLatin1Char(' ') + day);
    return QStringLiteral("office %1 closed on %2").arg(ineCode, day);
}

Result<QString> attachKiosk(store::Store &store, const QString &siteId, const QString &ineCode)
{
    const auto kiosk = store.kioskBySiteId(siteId);
    if (!kiosk)
        return failure(QStringLiteral("no kiosk %1").arg(siteId));
    const auto office = store.officeByIneCode(ineCode);
    if (!office)
        return failure(QStringLiteral("no office %1").arg(ineCode));
    store.attachKiosk(kiosk->id, office->id);
    store.audit(QStringLiteral("admin"), QStringLiteral("attach-kiosk"), siteId + QLatin1Char(' ') + ineCode);
    return QStringLiteral("kiosk %1 is in office %2 %3").arg(siteId, ineCode, office->municipality);
}

QString listOffices(store::Store &store, const QDateTime &now)
{
    QStringList lines{QStringLiteral("ine\tmunicipality\tnow\thours")};
    for (const auto &office : store.offices()) {
        auto hours = openingHoursOf(store, office);
        QString state = QStringLiteral("?");
        if (hours) {
            const OfficeStatus status = hours->statusAt(now);
            state = status.open ? QStringLiteral("open until %1").arg(describeOpening(status.closesAt, hours->zone()))
                : status.nextOpensAt.isValid()
                ? QStringLiteral("closed, opens %1").arg(describeOpening(status.nextOpensAt, hours->zone()))
                : QStringLiteral("closed");
        }
        lines << QStringLiteral("%1\t%2\t%3\t%4").arg(office.ineCode, office.municipality, state, office.openingHours);
    }
    return lines.join(QLatin1Char('\n'));
}

QString listAdvisors(store::Store &store, const QDateTime &now)
{
    QStringList lines{QStringLiteral("user\tname\tactive\ton shift now\tshift")};
    for (const auto &advisor : store.advisors()) {
        const QString shift = store.advisorShift(advisor.id);
        lines << QStringLiteral("%1\t%2\t%3\t%4\t%5")
                     .arg(advisor.username, advisor.displayName,
                         advisor.active ? QStringLiteral("yes") : QStringLiteral("no"),
                         isOnShift(store, advisor.id, now) ? QStringLiteral("yes") : QStringLiteral("no"),
                         shift.isEmpty() ? QStringLiteral("(no schedule)") : shift);
    }
    return lines.join(QLatin1Char('\n'));
}

Result<QString> setShift(store::Store &store, const QString &username, const QString &shift)
{
    const auto advisor = store.advisorByUsername(username);
    if (!advisor)
        return failure(QStringLiteral("no advisor %1").arg(username));
    auto hours = OpeningHours::parse(shift);
    if (!hours)
        return failure(QStringLiteral("shift: %1").arg(hours.error()));
    store.setAdvisorShift(advisor->id, hours->toString());
    store.audit(QStringLiteral("admin"), QStringLiteral("set-shift"), username + QLatin1Char(' ') + hours->toString());
    return hours->toString().isEmpty() ? QStringLiteral("%1 has no schedule now: always on").arg(username)
                                       : QStringLiteral("%1 works %2").arg(username, hours->toString());
}

Result<QString> addLeave(store::Store &store, const QString &username, const QString &day, const QString &note)
{
    const auto advisor = store.advisorByUsername(username);
    if (!advisor)
        return failure(QStringLiteral("no advisor %1").arg(username));
    const QDate date = QDate::fromString(day, Qt::ISODate);
    if (!date.isValid())
        return failure(QStringLiteral("\"%1\" is not a date like 2026-12-25").arg(day));
    store.addAdvisorLeave(advisor->id, date, note);
    store.audit(QStringLiteral("admin"), QStringLiteral("add-leave"), username + QLatin1Char(' ') + day);
    return QStringLiteral("%1 is on leave on %2").arg(username, day);
}

QString listKiosks(store::Store &store)
{
    QStringList lines{QStringLiteral("site\tmunicipality\tactive")};
    for (const auto &kiosk : store.kiosks())
        lines << QStringLiteral("%1\t%2\t%3")
                     .arg(
                         kiosk.siteId, kiosk.municipality, kiosk.active ? QStringLiteral("yes") : QStringLiteral("no"));
    return lines.join(QLatin1Char('\n'));
}

QString listCalls(store::Store &store, int limit)
{
    QStringList lines{QStringLiteral("call\tservice\trequested\tanswered\tended\treason")};
    for (const auto &call : store.recentCalls(limit))
        lines << QStringLiteral("%1\t%2\t%3\t%4\t%5\t%6")
                     .arg(call.id, call.service, time(call.requestedAtMs), time(call.answeredAtMs),
                         time(call.endedAtMs), call.endReason);
    return lines.join(QLatin1Char('\n'));
}

Result<QJsonObject> callSummary(store::Store &store, const QString &callId)
{
    std::optional<store::CallRecord> call;
    if (callId == QLatin1String("last")) {
        const auto recent = store.recentCalls(1);
        if (!recent.isEmpty())
            call = recent.first();
    } else {
        call = store.call(callId);
    }
    if (!call)
        return failure(callId == QLatin1String("last")
                ? QStringLiteral("no calls yet in %1").arg(store.database().path())
                : QStringLiteral("no call %1 in %2").arg(callId, store.database().path()));
    std::optional<store::CallReport> kiosk, advisor;
    for (const auto &report : store.callReports(call->id))
        (report.role == QLatin1String("kiosk") ? kiosk : advisor) = report;

    QJsonObject summary{{QStringLiteral("call_id"), call->id}};
    const bool bothFirstFrames = kiosk && advisor && kiosk->firstFrameAtMs && advisor->firstFrameAtMs;
    summary.insert(QStringLiteral("setup_ms"),
        bothFirstFrames && call->answeredAtMs
            ? QJsonValue(std::max(*kiosk->firstFrameAtMs, *advisor->firstFrameAtMs) - *call->answeredAtMs)
            : QJsonValue());
    summary.insert(QStringLiteral("frames_kiosk_to_console"), advisor ? advisor->videoFrames : 0);
    summary.insert(QStringLiteral("frames_console_to_kiosk"), kiosk ? kiosk->videoFrames : 0);
    summary.insert(QStringLiteral("audio_packets_kiosk_to_console"), advisor ? advisor->audioPackets : 0);
    summary.insert(QStringLiteral("audio_packets_console_to_kiosk"), kiosk ? kiosk->audioPackets : 0);
    summary.insert(QStringLiteral("desktop_frames"), advisor ? advisor->desktopFrames : 0);
    QString cipher = kiosk ? kiosk->srtpCipher : QString();
    if (kiosk && advisor && kiosk->srtpCipher != advisor->srtpCipher)
        cipher = QStringLiteral("mismatch: %1 / %2").arg(kiosk->srtpCipher, advisor->srtpCipher);
    summary.insert(QStringLiteral("srtp_cipher"), cipher);
    summary.insert(QStringLiteral("end_reason"), call->endReason);
    summary.insert(QStringLiteral("session_recorded"),
        call->answeredAtMs.has_value() && call->endedAtMs.has_value() && kiosk && advisor);
    return summary;
}

QStringList callProblems(const QJsonObject &summary)
{
    QStringList problems;
    if (!summary.value(QStringLiteral("setup_ms")).isDouble())
        problems << QStringLiteral("no first decoded frame on both sides: setup_ms unknown");
    for (const char *field : {"frames_kiosk_to_console", "frames_console_to_kiosk", "audio_packets_kiosk_to_console",
             "audio_packets_console_to_kiosk", "desktop_frames"}) {
        if (summary.value(QLatin1String(field)).toInteger() <= 0)
            problems << QStringLiteral("%1 is 0").arg(QLatin1String(field));
    }
    if (!summary.value(QStringLiteral("srtp_cipher")).toString().startsWith(QLatin1String("SRTP_")))
        problems << QStringLiteral("no SRTP profile was negotiated");
    if (!summary.value(QStringLiteral("session_recorded")).toBool())
        problems << QStringLiteral("the hub's database does not hold the whole call");
    return problems;
}

Result<QString> backup(store::Store &store, const QString &targetPath)
{
    if (QFileInfo::exists(targetPath))
        return failure(QStringLiteral("%1 already exists; choose a new file").arg(targetPath));
    try {
        store.database().backupTo(targetPath);
    } catch (const store::StoreError &error) {
        QFile::remove(targetPath);
        return failure(QString::fromStdString(error.what()));
    }
    return QStringLiteral("backup written to %1").arg(targetPath);
}

} // namespace ventanilla::hub::admin
