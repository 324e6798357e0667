// Numbered schema migrations. Each runs once, in order, inside one transaction,
// and records its number in schema_version. Never edit a released migration: add one.
#pragma once

#include "ventanilla/store/database.h"

#include <QStringList>

namespace ventanilla::store {

struct Migration {
    int version;
    const char *description;
    const char *sql;
};

// All migrations this build knows, in order.
const std::vector<Migration> &migrations();
int latestSchemaVersion();
// 0 for a new, empty database.
int schemaVersion(Database &db);
// Applies what is missing, up to targetVersion (tests build older schemas with it).
// Throws StoreError when the file is newer than this build.
void migrate(Database &db, int targetVersion = latestSchemaVersion());

} // namespace ventanilla::store
