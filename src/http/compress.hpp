// Content coding: whether a client takes an encoding (Accept-Encoding), and gzip for answers
// made per request. Static files are compressed once at build time (web/scripts/compress.mjs);
// a JSON answer of the public board or a list, 70 KB where its gzip is 7 KB, is compressed here
// when the client takes gzip.
#pragma once

#include <string>
#include <string_view>

namespace gz::http {

struct Request;
struct Response;

// Whether an Accept-Encoding header takes `coding` ("br", "gzip"): named (or "*") without q=0.
bool accepts_encoding(std::string_view header, std::string_view coding);

// gzip of `data` (RFC 1952), for a response body.
std::string gzip(std::string_view data);

// Compresses `response`'s body with gzip when the request takes it and the answer is text
// (JSON, XML, CSV, HTML) of at least 1 KiB without a coding of its own; says so in
// Content-Encoding and Vary.
void compress_answer(const Request& request, Response& response);

}  // namespace gz::http
