// The services charter (carta de servicios): what the office does and what it commits to.
// IT staff keep it in a versioned file; the hub validates it, imports it into the database,
// sends its menu to kiosks and prints it for the public.
#pragma once

#include "ventanilla/core/result.h"
#include "ventanilla/hub/router.h"

#include <QJsonArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace ventanilla::hub {

// The kinds of work the office does; the first value is the zero value.
enum class ServiceCategory { Unknown = 0, EAdministration, Claim, Consultation, Certificate, Procedure, Aid };

QString categoryId(ServiceCategory category); // "certificate", …
QString categoryName(ServiceCategory category, const QString &language); // "Certificados", …
ServiceCategory categoryFromId(const QString &id);
QStringList categoryIds();

struct Service {
    QString id; // "padron": lower-case letters, digits, '-'
    QString nameEs, nameEn;
    QString descriptionEs, descriptionEn;
    ServiceCategory category = ServiceCategory::Unknown;
    QString skill; // what an advisor must know to attend it
    QStringList documentsEs, documentsEn; // what the citizen should bring
    int expectedHandling_s = 0;
    // The public commitment: commitmentPercent % of citizens attended within commitmentWithin_s,
    // and nobody waits longer than maxWait_s.
    int commitmentPercent = 0;
    int commitmentWithin_s = 0;
    int maxWait_s = 0;
    // How its callers are routed, and after how long anyone may take them (0: never).
    RoutingStrategy routing = RoutingStrategy::LongestIdle;
    int overflowAfter_s = 60;
};

struct Charter {
    QString version; // "2026.1": changes whenever the content does
    QString titleEs, titleEn;
    QString publishedOn; // ISO date
    QList<Service> services;

    const Service *service(const QString &id) const;
    // The kiosk's menu: the services, in the file's order, with what a citizen needs to see.
    QJsonArray menu() const;
};

// Reads and checks a charter file. Every problem is reported at once, as
// "file:line: section/field: what is wrong".
Result<Charter> loadCharter(const QString &path);
Result<Charter> parseCharter(const QString &text, const QString &fileName);

// A printable page for the publicity campaign, in Spanish with English below.
QString charterHtml(const Charter &charter);
// The same page as a PDF file (A4).
Status writeCharterPdf(const Charter &charter, const QString &path);

} // namespace ventanilla::hub
