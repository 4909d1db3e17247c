// The printable public notice (公示) of a plan: one self-contained HTML page sized for A4, for
// the physical notice board, with a QR code that opens the online notice where residents can
// read the live figures and object. Every text from the database is HTML-escaped; the page
// loads nothing and runs nothing.
#pragma once

#include <cstdint>
#include <string>

#include "http/message.hpp"
#include "modules/transparency/transparency.hpp"

namespace gz::transparency {

struct NoticePageInput {
  const PlanBoard* board = nullptr;
  std::string community_name;
  std::string online_url;
  std::int64_t now_ms = 0;
  bool english = false;
};

std::string render_notice_page(const NoticePageInput& input);

// The online notice the QR code opens: <scheme>://<host>/board/plans/<id>, the host taken
// from the request's Host header when it is a plain host[:port] (else "localhost") and the
// scheme from X-Forwarded-Proto when a proxy says https.
std::string notice_url(const http::Request& request, std::int64_t plan_id);

}  // namespace gz::transparency
