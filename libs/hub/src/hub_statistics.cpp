// Statistics over the protocol: an advisor's console (its supervisor view) asks for a period
// and a grouping and gets the report, as long as it fits in one message.
#include "ventanilla/hub/hub.h"
#include "ventanilla/hub/logging.h"
#include "ventanilla/hub/statistics.h"

#include "refusal.h"

#include <QJsonDocument>

namespace ventanilla::hub {

using signalling::makeMessage;
using signalling::Message;
using signalling::MessageType;
namespace errors = signalling::errors;

namespace {
constexpr qint64 kLongestPeriod_ms = 366LL * 24 * 3600 * 1000;
// Leaves room for the envelope under the protocol's 64 KiB.
constexpr qsizetype kLargestReport = 60 * 1024;
} // namespace

void Hub::handleStatsRequest(PeerSession &advisor, const Message &message)
{
    const qint64 fromMs = message.integer(QStringLiteral("from_ms"));
    const qint64 toMs = message.integer(QStringLiteral("to_ms"));
    if (toMs <= fromMs || toMs - fromMs > kLongestPeriod_ms)
        return refuse(advisor, errors::kBadField,
            QStringLiteral("the period must end after it starts and last at most 366 days"), message);
    const auto grouping = parseGrouping(message.string(QStringLiteral("group_by")));
    if (!grouping)
        return refuse(advisor, errors::kBadField, grouping.error(), message);
    const QJsonObject report = statsJson(statistics(m_store, *grouping, fromMs, toMs, QTimeZone("Europe/Madrid")));
    const qsizetype size = QJsonDocument(report).toJson(QJsonDocument::Compact).size();
    if (size > kLargestReport)
        return refuse(advisor, errors::kTooLarge,
            QStringLiteral("the report has %1 rows (%2 bytes); ask for a shorter period or a coarser grouping, "
                           "or export it as CSV with ventanilla-hub stats")
                .arg(report.value(QStringLiteral("rows")).toArray().size())
                .arg(size),
            message);
    qCInfo(lcHub).noquote() << advisor.peerId << "read statistics from" << fromMs << "to" << toMs << "by"
                            << message.string(QStringLiteral("group_by"));
    deliver(advisor.peerId, makeMessage(MessageType::Stats, {{QStringLiteral("report"), report}}));
}

} // namespace ventanilla::hub
