# Finds every external dependency once and exposes it as an imported target.
# Debian 12 packages only; scripts/setup installs them.
find_package(Qt6 6.4 REQUIRED COMPONENTS Core Concurrent Gui Qml Quick QuickControls2 Network WebSockets Test)
find_package(OpenSSL 3 REQUIRED)
find_package(SQLite3 REQUIRED)
find_package(PkgConfig REQUIRED)
pkg_check_modules(GST REQUIRED IMPORTED_TARGET
  gstreamer-1.0>=1.22 gstreamer-app-1.0 gstreamer-video-1.0
  gstreamer-sdp-1.0 gstreamer-webrtc-1.0 gstreamer-rtp-1.0)
if(VENTANILLA_BUILD_TESTS)
  find_package(Catch2 2 REQUIRED)
endif()
qt_standard_project_setup()
