// Registers the C++ types both apps' QML uses, under the module "Ventanilla".
#pragma once

namespace ventanilla::ui {

void registerQmlTypes();

} // namespace ventanilla::ui
