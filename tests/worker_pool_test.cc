// The spool's worker pool: every posted task runs once, Wait waits for them
// all, and Parallel runs one call per index with the first on the caller.
#include <atomic>
#include <catch2/catch.hpp>
#include <chrono>
#include <stdexcept>
#include <thread>
#include <vector>

#include "internal/worker_pool.h"

using clusterkg::internal::WorkerPool;

TEST_CASE("posted tasks all run, and Wait returns after the last") {
  for (size_t threads : {0, 1, 3}) {
    INFO("threads " << threads);
    WorkerPool pool(threads);
    REQUIRE(pool.size() == threads);
    for (int round = 0; round < 3; ++round) {  // the same threads, again
      std::vector<int> runs(500, 0);           // each slot written by its task only
      for (size_t i = 0; i < runs.size(); ++i) pool.Post([&runs, i] { ++runs[i]; });
      pool.Wait();
      REQUIRE(runs == std::vector<int>(500, 1));
    }
  }
}

TEST_CASE("without threads a task runs on the caller, at once") {
  WorkerPool pool(0);
  std::thread::id ran;
  pool.Post([&ran] { ran = std::this_thread::get_id(); });
  REQUIRE(ran == std::this_thread::get_id());
}

TEST_CASE("Parallel: index 0 on the caller, the others on the threads") {
  WorkerPool pool(2);
  std::vector<std::thread::id> on(3);
  auto fn = [&on](size_t i) { on[i] = std::this_thread::get_id(); };
  pool.Parallel(3, fn);
  REQUIRE(on[0] == std::this_thread::get_id());
  REQUIRE(on[1] != std::this_thread::get_id());
  REQUIRE(on[2] != std::this_thread::get_id());
}

TEST_CASE("Parallel waits for the threads when the caller's part throws") {
  WorkerPool pool(2);
  std::atomic<int> finished{0};
  auto fn = [&finished](size_t i) {
    if (i == 0) throw std::runtime_error("caller's part failed");
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    ++finished;
  };
  REQUIRE_THROWS_WITH(pool.Parallel(3, fn), "caller's part failed");
  REQUIRE(finished == 2);  // both had ended when the exception came out
}

TEST_CASE("the pool's end waits for what was posted") {
  std::atomic<int> finished{0};
  {
    WorkerPool pool(2);
    for (int i = 0; i < 4; ++i) {
      pool.Post([&finished] {
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
        ++finished;
      });
    }
  }
  REQUIRE(finished == 4);
}
