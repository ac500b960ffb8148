// The loopback server bench_links.sh measures link checkers against: every /u/<n> answers
// 200 after an injected latency, so a checker's wall time is bounded below by
// URLs x latency / concurrency. Counts the requests it serves (GET /__stats), so the bench
// reports requests per URL for every checker; GET /__reset zeroes the count.
// Usage: qbank-bench-link-server PORT_FILE [LATENCY_MS]   (runs until SIGINT/SIGTERM)
#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <fstream>
#include <string>
#include <thread>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include <httplib.h>

namespace {

// Debian's libcpp-httplib is compiled with a listen backlog of 5: a checker opening 100
// connections at once then sees dropped SYNs and 1 s retransmits, and the bench measures the
// kernel. Linux lets listen() be called again to raise the backlog, so find our socket.
void raise_backlog(int port) {
  for (int fd = 3; fd < 1024; ++fd) {
    sockaddr_in address{};
    socklen_t length = sizeof address;
    if (getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) != 0 || address.sin_family != AF_INET) continue;
    if (ntohs(address.sin_port) == port) listen(fd, 4096);
  }
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: %s PORT_FILE [LATENCY_MS]\n", argv[0]);
    return 2;
  }
  const int latency_ms = argc > 2 ? std::stoi(argv[2]) : 100;
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);  // handled by the waiter thread below

  httplib::Server server;
  // cpp-httplib's default pool has 8 threads, and a kept-alive connection holds one: with
  // fewer threads than the checker's concurrency the server, not the checker, is measured.
  server.new_task_queue = [] { return new httplib::ThreadPool(256); };
  std::atomic<long> requests{0};
  server.Get(R"(/u/\d+)", [&](const httplib::Request&, httplib::Response& res) {
    ++requests;
    std::this_thread::sleep_for(std::chrono::milliseconds(latency_ms));
    res.set_content("ok\n", "text/plain");
  });
  server.Get("/__stats", [&](const httplib::Request&, httplib::Response& res) { res.set_content(std::to_string(requests.load()) + "\n", "text/plain"); });
  server.Get("/__reset", [&](const httplib::Request&, httplib::Response& res) {
    requests = 0;
    res.set_content("0\n", "text/plain");
  });

  int port = server.bind_to_any_port("127.0.0.1");
  if (port <= 0) {
    std::fprintf(stderr, "cannot bind 127.0.0.1\n");
    return 1;
  }
  raise_backlog(port);
  std::thread waiter([&] {
    int signal = 0;
    sigwait(&signals, &signal);
    server.stop();
  });
  std::ofstream(argv[1]) << port << "\n";
  server.listen_after_bind();
  waiter.join();
  return 0;
}
