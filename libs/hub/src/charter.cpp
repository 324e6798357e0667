// Reading, checking and presenting the services charter.
#include "ventanilla/hub/charter.h"

#include "ventanilla/core/config_file.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonObject>
#include <QPdfWriter>
#include <QRegularExpression>
#include <QTextDocument>

namespace ventanilla::hub {
namespace {

struct CategoryInfo {
    ServiceCategory category;
    const char *id;
    const char *nameEs;
    const char *nameEn;
};

const CategoryInfo kCategories[] = {
    {ServiceCategory::EAdministration, "e-administration", "Administración electrónica", "Online administration"},
    {ServiceCategory::Claim, "claim", "Reclamaciones", "Claims"},
    {ServiceCategory::Consultation, "consultation", "Consultas", "Consultations"},
    {ServiceCategory::Certificate, "certificate", "Certificados", "Certificates"},
    {ServiceCategory::Procedure, "procedure", "Trámites", "Procedures"},
    {ServiceCategory::Aid, "aid", "Ayudas y subvenciones", "Aids and grants"},
};

QStringList splitList(const QString &text)
{
    QStringList items;
    for (const QString &item : text.split(QLatin1Char(';'), Qt::SkipEmptyParts))
        if (!item.trimmed().isEmpty())
            items << item.trimmed();
    return items;
}

QString escape(const QString &text)
{
    return text.toHtmlEscaped();
}

} // namespace

QString categoryId(ServiceCategory category)
{
    for (const auto &info : kCategories)
        if (info.category == category)
            return QString::fromLatin1(info.id);
    return QStringLiteral("unknown");
}

QString categoryName(ServiceCategory category, const QString &language)
{
    for (const auto &info : kCategories)
        if (info.category == category)
            return QString::fromUtf8(language == QLatin1String("en") ? info.nameEn : info.nameEs);
    return {};
}

ServiceCategory categoryFromId(const QString &id)
{
    for (const auto &info : kCategories)
        if (id == QLatin1String(info.id))
            return info.category;
    return ServiceCategory::Unknown;
}

QStringList categoryIds()
{
    QStringList ids;
    for (const auto &info : kCategories)
        ids << QString::fromLatin1(info.id);
    return ids;
}

const Service *Charter::service(const QString &id) const
{
    for (const Service &service : services)
        if (service.id == id)
            return &service;
    return nullptr;
}

QJsonArray Charter::menu() const
{
    QJsonArray items;
    for (const Service &service : services) {
        items.append(QJsonObject{{QStringLiteral("id"), service.id},
            {QStringLiteral("category"), categoryId(service.category)}, {QStringLiteral("name_es"), service.nameEs},
            {QStringLiteral("name_en"), service.nameEn}, {QStringLiteral("description_es"), service.descriptionEs},
            {QStringLiteral("description_en"), service.descriptionEn},
            {QStringLiteral("documents_es"), QJsonArray::fromStringList(service.documentsEs)},
            {QStringLiteral("documents_en"), QJsonArray::fromStringList(service.documentsEn)}});
    }
    return items;
}

Result<Charter> loadCharter(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        return failure(QStringLiteral("cannot read the charter %1: %2").arg(path, file.errorString()));
    const QByteArray bytes = file.read(1024 * 1024 + 1);
    if (bytes.size() > 1024 * 1024)
        return failure(QStringLiteral("the charter %1 is larger than 1 MiB").arg(path));
    return parseCharter(QString::fromUtf8(bytes), QFileInfo(path).absoluteFilePath());
}

Result<Charter> parseCharter(const QString &text, const QString &fileName)
{
    ConfigFile file = ConfigFile::fromText(text, fileName);
    Charter charter;
    charter.version = file.requiredString(QStringLiteral("charter/version"));
    static const QRegularExpression versionPattern(QStringLiteral("^[0-9A-Za-z][0-9A-Za-z._-]{0,31}$"));
    if (!charter.version.isEmpty() && !versionPattern.match(charter.version).hasMatch())
        file.invalid(QStringLiteral("charter/version"),
            QStringLiteral("\"%1\" must be 1-32 letters, digits, '.', '_' or '-'").arg(charter.version));
    charter.titleEs = file.requiredString(QStringLiteral("charter/title_es"));
    charter.titleEn = file.requiredString(QStringLiteral("charter/title_en"));
    charter.publishedOn = file.requiredString(QStringLiteral("charter/published"));
    static const QRegularExpression datePattern(QStringLiteral("^\\d{4}-\\d{2}-\\d{2}$"));
    if (!charter.publishedOn.isEmpty() && !datePattern.match(charter.publishedOn).hasMatch())
        file.invalid(QStringLiteral("charter/published"),
            QStringLiteral("\"%1\" must be a date like 2026-12-01").arg(charter.publishedOn));

    static const QRegularExpression idPattern(QStringLiteral("^[a-z0-9][a-z0-9-]{0,31}$"));
    const QStringList sections = file.sections(QStringLiteral("service "));
    for (const QString &section : sections) {
        const auto key
            = [&](const char *field) -> QString { return section + QLatin1Char('/') + QLatin1String(field); };
        Service service;
        service.id = section.mid(8).trimmed();
        if (!idPattern.match(service.id).hasMatch())
            file.invalid(key("name_es"),
                QStringLiteral("the service id \"%1\" (in [%2]) must be 1-32 lower-case letters, digits or '-'")
                    .arg(service.id, section));
        if (charter.service(service.id))
            file.invalid(key("name_es"), QStringLiteral("service \"%1\" is defined twice").arg(service.id));
        service.nameEs = file.requiredString(key("name_es"));
        service.nameEn = file.requiredString(key("name_en"));
        service.descriptionEs = file.requiredString(key("description_es"));
        service.descriptionEn = file.requiredString(key("description_en"));
        const QString category = file.choice(key("category"), QString(), categoryIds());
        service.category = categoryFromId(category);
        if (file.lineOf(key("category")) == 0)
            file.invalid(key("category"),
                QStringLiteral("is required: one of %1").arg(categoryIds().join(QStringLiteral(", "))));
        service.skill = file.requiredString(key("skill"));
        if (!service.skill.isEmpty() && !idPattern.match(service.skill).hasMatch())
            file.invalid(
                key("skill"), QStringLiteral("\"%1\" must be lower-case letters, digits or '-'").arg(service.skill));
        service.documentsEs = splitList(file.string(key("documents_es"), {}));
        service.documentsEn = splitList(file.string(key("documents_en"), {}));
        if (service.documentsEs.size() != service.documentsEn.size())
            file.invalid(key("documents_en"),
                QStringLiteral("lists %1 documents but documents_es lists %2; keep them in step")
                    .arg(service.documentsEn.size())
                    .arg(service.documentsEs.size()));
        service.expectedHandling_s = file.integer(key("expected_handling_s"), 0, 30, 7200);
        if (file.lineOf(key("expected_handling_s")) == 0)
            file.invalid(key("expected_handling_s"), QStringLiteral("is required (seconds, 30 to 7200)"));
        service.commitmentPercent = file.integer(key("commitment_percent"), 80, 1, 100);
        service.commitmentWithin_s = file.integer(key("commitment_within_s"), 120, 10, 86400);
        service.maxWait_s = file.integer(key("max_wait_s"), 900, 10, 86400);
        if (service.maxWait_s < service.commitmentWithin_s)
            file.invalid(key("max_wait_s"),
                QStringLiteral("%1 s is shorter than commitment_within_s (%2 s)")
                    .arg(service.maxWait_s)
                    .arg(service.commitmentWithin_s));
        service.routing = strategyFromId(file.choice(key("routing"), QStringLiteral("longest-idle"), strategyIds()));
        service.overflowAfter_s = file.integer(key("overflow_after_s"), 60, 0, 3600);
        charter.services.append(service);
    }
    if (sections.isEmpty())
        file.invalid(QStringLiteral("charter/version"), QStringLiteral("the charter lists no [service …] sections"));
    file.rejectUnknownKeys();
    if (file.hasErrors())
        return failure(file.errorText());
    return charter;
}

QString charterHtml(const Charter &charter)
{
    QString html = QStringLiteral(
        "<!DOCTYPE html><html lang=\"es\"><head><meta charset=\"utf-8\"><title>%1</title>"
        "<style>body{font-family:sans-serif;margin:2em;color:#1b2430}h1{color:#0b2e59}"
        "h2{color:#0b2e59;border-bottom:2px solid #ffcc00}.en{color:#5b6b7f;font-style:italic}"
        "table{border-collapse:collapse;width:100%}td,th{border:1px solid #ccd;padding:6px;vertical-align:top}"
        "th{background:#eef2f7;text-align:left}</style></head><body>")
                       .arg(escape(charter.titleEs));
    html += QStringLiteral("<h1>%1</h1><p class=\"en\">%2</p><p>Versión %3 · publicada el %4</p>")
                .arg(escape(charter.titleEs), escape(charter.titleEn), escape(charter.version),
                    escape(charter.publishedOn));
    for (const auto &info : kCategories) {
        QList<const Service *> inCategory;
        for (const Service &service : charter.services)
            if (service.category == info.category)
                inCategory << &service;
        if (inCategory.isEmpty())
            continue;
        html += QStringLiteral("<h2>%1 <span class=\"en\">· %2</span></h2><table><tr><th>Servicio / Service</th>"
                               "<th>Qué traer / What to bring</th><th>Nuestro compromiso / Our commitment</th></tr>")
                    .arg(QString::fromUtf8(info.nameEs), QString::fromUtf8(info.nameEn));
        for (const Service *service : inCategory) {
            QString documents;
            for (int i = 0; i < service->documentsEs.size(); ++i)
                documents += QStringLiteral("%1 <span class=\"en\">(%2)</span><br>")
                                 .arg(escape(service->documentsEs[i]), escape(service->documentsEn.value(i)));
            html += QStringLiteral(
                "<tr><td><b>%1</b><br><span class=\"en\">%2</span><br>%3<br><span class=\"en\">%4</span></td>"
                "<td>%5</td><td>El %6&nbsp;% de las personas, atendidas en menos de %7 minutos; nadie espera más de %8 "
                "minutos."
                "<br><span class=\"en\">%6&nbsp;% attended within %7 minutes; nobody waits more than %8 "
                "minutes.</span></td></tr>")
                        .arg(escape(service->nameEs), escape(service->nameEn), escape(service->descriptionEs),
                            escape(service->descriptionEn), documents.isEmpty() ? QStringLiteral("—") : documents)
                        .arg(service->commitmentPercent)
                        .arg((service->commitmentWithin_s + 59) / 60)
                        .arg((service->maxWait_s + 59) / 60);
        }
        html += QStringLiteral("</table>");
    }
    html += QStringLiteral("<p>Abierta todos los días de la semana en su ayuntamiento. <span class=\"en\">Open every "
                           "day of the week at your town hall.</span></p></body></html>");
    return html;
}

Status writeCharterPdf(const Charter &charter, const QString &path)
{
    QPdfWriter writer(path);
    writer.setPageSize(QPageSize(QPageSize::A4));
    writer.setTitle(charter.titleEs);
    writer.setCreator(QStringLiteral("Ventanilla"));
    writer.setResolution(150);
    QTextDocument document;
    document.setHtml(charterHtml(charter));
    document.print(&writer);
    if (QFileInfo(path).size() == 0)
        return failure(QStringLiteral("could not write the PDF %1").arg(path));
    return success();
}

} // namespace ventanilla::hub
