// The kiosk's service menu, as the hub sends it from the charter in force: one row per
// service, with its name in the kiosk's language and the other language beneath.
#pragma once

#include <QAbstractListModel>
#include <QJsonArray>

namespace ventanilla::client {

class ServiceMenuModel : public QAbstractListModel {
    Q_OBJECT
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
public:
    enum Role { IdRole = Qt::UserRole + 1, NameRole, SubtitleRole, DescriptionRole, CategoryRole, DocumentsRole };
    Q_ENUM(Role)

    explicit ServiceMenuModel(QString language, QObject *parent = nullptr);

    // Replaces the menu with the "services" array of the hub's message; malformed entries
    // (no id or name) are skipped and logged.
    void setServices(const QJsonArray &services);

    // The name of a service in the kiosk's language; the id itself if it is not on the menu.
    QString nameOf(const QString &serviceId) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

Q_SIGNALS:
    void countChanged();

private:
    struct Entry {
        QString id, name, subtitle, description, category;
        QStringList documents;
    };
    QString m_language;
    QList<Entry> m_entries;
};

} // namespace ventanilla::client
