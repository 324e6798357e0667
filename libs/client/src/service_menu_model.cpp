// The kiosk's service menu model.
#include "ventanilla/client/service_menu_model.h"

#include "ventanilla/client/logging.h"

#include <QJsonObject>

namespace ventanilla::client {

ServiceMenuModel::ServiceMenuModel(QString language, QObject *parent)
    : QAbstractListModel(parent), m_language(std::move(language))
{
}

void ServiceMenuModel::setServices(const QJsonArray &services)
{
    const QString main = m_language == QLatin1String("en") ? QStringLiteral("en") : QStringLiteral("es");
    const QString other = main == QLatin1String("en") ? QStringLiteral("es") : QStringLiteral("en");
    const auto field = [](const QJsonObject &object, const QString &name, const QString &language) {
        return object.value(name + QLatin1Char('_') + language).toString();
    };
    QList<Entry> entries;
    for (const QJsonValue &value : services) {
        const QJsonObject service = value.toObject();
        Entry entry{service.value(QStringLiteral("id")).toString(), field(service, QStringLiteral("name"), main),
            field(service, QStringLiteral("name"), other), field(service, QStringLiteral("description"), main),
            service.value(QStringLiteral("category")).toString(), {}};
        if (entry.id.isEmpty() || entry.name.isEmpty()) {
            qCWarning(lcClient) << "skipping a service without id or name in the hub's menu";
            continue;
        }
        for (const QJsonValue &document : service.value(QStringLiteral("documents_") + main).toArray())
            entry.documents << document.toString();
        entries << entry;
    }
    beginResetModel();
    m_entries = std::move(entries);
    endResetModel();
    Q_EMIT countChanged();
}

QString ServiceMenuModel::nameOf(const QString &serviceId) const
{
    for (const Entry &entry : m_entries) {
        if (entry.id == serviceId)
            return entry.name;
    }
    return serviceId;
}

int ServiceMenuModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_entries.size());
}

QVariant ServiceMenuModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_entries.size())
        return {};
    const Entry &entry = m_entries[index.row()];
    switch (role) {
    case IdRole:
        return entry.id;
    case NameRole:
        return entry.name;
    case SubtitleRole:
        return entry.subtitle;
    case DescriptionRole:
        return entry.description;
    case CategoryRole:
        return entry.category;
    case DocumentsRole:
        return entry.documents.join(QStringLiteral(" · "));
    default:
        return {};
    }
}

QHash<int, QByteArray> ServiceMenuModel::roleNames() const
{
    return {{IdRole, "serviceId"}, {NameRole, "name"}, {SubtitleRole, "subtitle"}, {DescriptionRole, "description"},
        {CategoryRole, "category"}, {DocumentsRole, "documents"}};
}

} // namespace ventanilla::client
