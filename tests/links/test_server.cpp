#include "test_server.hpp"

#include <chrono>
#include <stdexcept>

#include <httplib.h>

namespace qbank::test {

TestServer::TestServer() : m_server(std::make_unique<httplib::Server>()) {
  // The default pool has 8 threads; slow routes would starve the rest.
  m_server->new_task_queue = [] { return new httplib::ThreadPool(64); };
  add_routes();
  m_port = m_server->bind_to_any_port("127.0.0.1");
  if (m_port <= 0) throw std::runtime_error("test server: cannot bind 127.0.0.1");
  m_thread = std::thread([this] { m_server->listen_after_bind(); });
  while (!m_server->is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
}

TestServer::~TestServer() {
  m_server->stop();
  if (m_thread.joinable()) m_thread.join();
}

std::string TestServer::url(const std::string& path) const { return "http://127.0.0.1:" + std::to_string(m_port) + path; }

void TestServer::count(const std::string& path, const std::string& method) {
  std::lock_guard lock(m_mutex);
  ++m_hits[{path, method}];
}

int TestServer::hits(const std::string& path) const { return hits(path, "HEAD") + hits(path, "GET"); }

int TestServer::hits(const std::string& path, const std::string& method) const {
  std::lock_guard lock(m_mutex);
  auto it = m_hits.find({path, method});
  return it == m_hits.end() ? 0 : it->second;
}

int TestServer::total_hits() const {
  std::lock_guard lock(m_mutex);
  int total = 0;
  for (const auto& [key, n] : m_hits) total += n;
  return total;
}

void TestServer::add_routes() {
  using httplib::Request;
  using httplib::Response;
  auto& s = *m_server;
  // Every route counts first, so a test can assert "zero requests" and attempt counts.
  auto route = [this, &s](const std::string& pattern, auto handler) {
    s.Get(pattern, [this, handler](const Request& req, Response& res) {
      count(req.path, req.method);
      handler(req, res);
    });
  };
  route("/ok", [](const Request&, Response& res) { res.set_content("fine", "text/plain"); });
  route(R"(/page/\d+)", [](const Request&, Response& res) { res.set_content("page", "text/plain"); });
  route("/missing", [](const Request&, Response& res) { res.status = 404; });
  route("/gone", [](const Request&, Response& res) { res.status = 410; });
  route("/broken", [](const Request&, Response& res) { res.status = 500; });
  route("/forbidden", [](const Request&, Response& res) { res.status = 403; });
  route("/moved", [this](const Request&, Response& res) { res.set_redirect(url("/ok"), 301); });
  route("/moved308", [this](const Request&, Response& res) { res.set_redirect(url("/ok"), 308); });
  route(R"(/chain/(\d+))", [this](const Request& req, Response& res) {
    int n = std::stoi(req.matches[1]);
    res.set_redirect(n == 0 ? url("/ok") : url("/chain/" + std::to_string(n - 1)), 302);
  });
  route("/loop/a", [this](const Request&, Response& res) { res.set_redirect(url("/loop/b"), 302); });
  route("/loop/b", [this](const Request&, Response& res) { res.set_redirect(url("/loop/a"), 302); });
  route("/to-ftp", [](const Request&, Response& res) { res.set_redirect("ftp://127.0.0.1/file", 302); });
  route("/slow", [](const Request&, Response& res) {
    std::this_thread::sleep_for(std::chrono::milliseconds(800));
    res.set_content("late", "text/plain");
  });
  // 429 with a long Retry-After on the first request, then fine.
  route("/limited", [this](const Request& req, Response& res) {
    if (hits(req.path) == 1) {
      res.status = 429;
      res.set_header("Retry-After", "30");
    }
  });
  // 503 on the first two requests, then fine.
  route("/flaky", [this](const Request& req, Response& res) {
    if (hits(req.path) <= 2) res.status = 503;
  });
  route("/head405", [](const Request& req, Response& res) {
    if (req.method == "HEAD") res.status = 405;
    else res.set_content("get works", "text/plain");
  });
  route("/huge", [this](const Request& req, Response& res) {
    if (req.method == "HEAD") {
      res.status = 405;
      return;
    }
    res.set_content_provider(k_huge_size, "application/octet-stream", [this](std::size_t offset, std::size_t length, httplib::DataSink& sink) {
      static const std::string chunk(64 * 1024, 'x');
      std::size_t n = std::min(length, chunk.size());
      if (!sink.write(chunk.data(), n)) return false;
      m_huge_sent = offset + n;
      return true;
    });
  });
  // Holds each request 100 ms and records how many were in flight at once.
  route(R"(/hold/\d+)", [this](const Request&, Response& res) {
    int now = ++m_in_flight;
    int seen = m_max_in_flight.load();
    while (now > seen && !m_max_in_flight.compare_exchange_weak(seen, now)) {
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    --m_in_flight;
    res.set_content("held", "text/plain");
  });
}

}  // namespace qbank::test
