# The ventanilla_warnings interface target: warnings on everywhere, errors in CI,
# strict Qt defines, and the optional sanitizers of the debug preset.
add_library(ventanilla_warnings INTERFACE)
target_compile_options(ventanilla_warnings INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wold-style-cast -Wcast-align
  -Woverloaded-virtual -Wimplicit-fallthrough -Wformat=2
  # Designated initialisers leave out members that have defaults; that is their point.
  -Wno-missing-field-initializers)
target_compile_definitions(ventanilla_warnings INTERFACE
  QT_NO_CAST_FROM_ASCII QT_NO_KEYWORDS QT_NO_URL_CAST_FROM_STRING QT_USE_QSTRINGBUILDER)
if(VENTANILLA_WARNINGS_AS_ERRORS)
  target_compile_options(ventanilla_warnings INTERFACE -Werror)
endif()
if(VENTANILLA_SANITIZE)
  target_compile_options(ventanilla_warnings INTERFACE -fsanitize=address,undefined -fno-omit-frame-pointer)
  target_link_options(ventanilla_warnings INTERFACE -fsanitize=address,undefined)
endif()

# Adds a library of ours under libs/: sources, public include dir, warnings.
function(ventanilla_add_library name)
  cmake_parse_arguments(ARG "" "" "SOURCES;PUBLIC_LINKS;PRIVATE_LINKS" ${ARGN})
  # Public headers are listed so AUTOMOC finds their Q_OBJECTs and IDEs show them.
  file(GLOB_RECURSE public_headers CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/include/*.h)
  add_library(${name} STATIC ${ARG_SOURCES} ${public_headers})
  target_include_directories(${name} PUBLIC ${CMAKE_CURRENT_SOURCE_DIR}/include)
  target_compile_definitions(${name} PRIVATE VENTANILLA_VERSION="${PROJECT_VERSION}")
  target_link_libraries(${name} PUBLIC ${ARG_PUBLIC_LINKS} PRIVATE ventanilla_warnings ${ARG_PRIVATE_LINKS})
endfunction()

# Adds an app's QML module. The files live in qml/ but are aliased to the module's root,
# so they see each other and Theme.qml (a singleton) without imports.
function(ventanilla_add_qml target uri)
  set(files ${ARGN})
  foreach(file IN LISTS files)
    get_filename_component(name ${file} NAME)
    set_source_files_properties(${file} PROPERTIES QT_RESOURCE_ALIAS ${name})
    if(name STREQUAL "Theme.qml")
      set_source_files_properties(${file} PROPERTIES QT_QML_SINGLETON_TYPE TRUE)
    endif()
  endforeach()
  qt_add_qml_module(${target} URI ${uri} VERSION 1.0 QML_FILES ${files})
  # qmlcachegen's generated C++ is compiled into the app: our warnings are not for it.
  get_target_property(app_sources ${target} SOURCES)
  foreach(source IN LISTS app_sources)
    if(source MATCHES "\\.rcc/|qmlcache|_qmltyperegistrations|qmlassociatedfiles")
      set_source_files_properties(${source} TARGET_DIRECTORY ${target} PROPERTIES COMPILE_OPTIONS "-w")
    endif()
  endforeach()
endfunction()
