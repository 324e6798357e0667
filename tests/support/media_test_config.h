// Media settings for tests: test sources at a small size so two calls fit on two cores,
// loopback-only ICE, and the wire audit on.
#pragma once

#include "ventanilla/media/media_config.h"

namespace ventanilla::test {

media::MediaConfig testMediaConfig();

} // namespace ventanilla::test
