// Internal: threads kept for a whole job, so that work done in many small
// batches does not start and join threads for every batch. (A new thread
// also starts with an empty allocator cache and gives it back when it ends:
// with tcmalloc that is pages returned to the system and faulted in again.)
#ifndef CLUSTERKG_INTERNAL_WORKER_POOL_H_
#define CLUSTERKG_INTERNAL_WORKER_POOL_H_

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace clusterkg::internal {

// THREAD SAFETY: Post and Wait are called from one thread (the owner); the
// tasks run on the pool's threads.
class WorkerPool {
 public:
  // Starts `threads` threads (none: Post runs each task at once).
  explicit WorkerPool(size_t threads) {
    for (size_t t = 0; t < threads; ++t) threads_.emplace_back([this] { Work(); });
  }
  // Waits for the posted tasks, then ends the threads.
  ~WorkerPool() {
    Wait();
    {
      std::lock_guard lock(mu_);
      stop_ = true;
    }
    work_cv_.notify_all();
    threads_.clear();  // joins
  }
  WorkerPool(const WorkerPool&) = delete;
  WorkerPool& operator=(const WorkerPool&) = delete;

  size_t size() const { return threads_.size(); }

  // Runs `task` on one of the threads. A task must not throw.
  void Post(std::function<void()> task) {
    if (threads_.empty()) {
      task();
      return;
    }
    {
      std::lock_guard lock(mu_);
      tasks_.push_back(std::move(task));
      ++unfinished_;
    }
    work_cv_.notify_one();
  }

  // Runs fn(1) … fn(n - 1) on the threads and fn(0) on the calling thread,
  // and returns when all have returned (also when fn(0) throws).
  template <typename F>
  void Parallel(size_t n, F& fn) {
    for (size_t i = 1; i < n; ++i) Post([&fn, i] { fn(i); });
    try {
      if (n > 0) fn(size_t{0});
    } catch (...) {
      Wait();
      throw;
    }
    Wait();
  }

  // Returns once every task posted so far has finished.
  void Wait() {
    std::unique_lock lock(mu_);
    idle_cv_.wait(lock, [this] { return unfinished_ == 0; });
  }

 private:
  void Work() {
    std::unique_lock lock(mu_);
    for (;;) {
      work_cv_.wait(lock, [this] { return stop_ || !tasks_.empty(); });
      if (tasks_.empty()) return;  // stopped
      std::function<void()> task = std::move(tasks_.front());
      tasks_.pop_front();
      lock.unlock();
      task();
      task = nullptr;  // what it holds goes before the owner hears it is done
      lock.lock();
      if (--unfinished_ == 0) idle_cv_.notify_all();
    }
  }

  std::mutex mu_;  // guards what follows, up to the threads
  std::condition_variable work_cv_, idle_cv_;
  std::deque<std::function<void()>> tasks_;
  size_t unfinished_ = 0;  // posted, not yet finished
  bool stop_ = false;
  std::vector<std::jthread> threads_;  // last: joined before the rest goes
};

}  // namespace clusterkg::internal

#endif  // CLUSTERKG_INTERNAL_WORKER_POOL_H_
