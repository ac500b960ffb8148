// A loopback HTTP server for the link checker's tests: cpp-httplib on 127.0.0.1, an
// ephemeral port, in a thread of the test process. Each route models one server behaviour
// (dead, flaky, slow, rate-limited, redirecting, HEAD-refusing, huge) and the server counts
// what it was asked, so tests assert attempts and politeness from the server's side.
#pragma once

#include <atomic>
#include <cstddef>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

namespace httplib {
class Server;
}

namespace qbank::test {

class TestServer {
 public:
  TestServer();
  ~TestServer();
  TestServer(const TestServer&) = delete;
  TestServer& operator=(const TestServer&) = delete;

  int port() const { return m_port; }
  std::string url(const std::string& path) const;

  // Requests seen for a path (all methods), or with one method ("HEAD", "GET").
  int hits(const std::string& path) const;
  int hits(const std::string& path, const std::string& method) const;
  int total_hits() const;
  // Most requests in flight at once on the /hold/ routes.
  int max_in_flight() const { return m_max_in_flight.load(); }
  // Bytes of /huge's body the server managed to send before the client hung up.
  std::size_t huge_bytes_sent() const { return m_huge_sent.load(); }
  static constexpr std::size_t k_huge_size = 64u << 20;

 private:
  void count(const std::string& path, const std::string& method);
  void add_routes();

  std::unique_ptr<httplib::Server> m_server;
  std::thread m_thread;
  int m_port = 0;
  mutable std::mutex m_mutex;
  std::map<std::pair<std::string, std::string>, int> m_hits;
  std::atomic<int> m_in_flight{0};
  std::atomic<int> m_max_in_flight{0};
  std::atomic<std::size_t> m_huge_sent{0};
};

}  // namespace qbank::test
