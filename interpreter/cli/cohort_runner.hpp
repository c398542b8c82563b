// A cohort evaluated on several threads with its output in input order
// (`--jobs N`): one thread reads batches of lines, N workers each turn a
// batch's lines into results with their own reader, evaluator and arena, and
// the calling thread consumes the results batch by batch, in order — so it
// prints exactly what one thread would, diagnostics of bad lines included.
// At most 2N + 2 batches are in flight, so memory stays flat.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <exception>
#include <functional>
#include <mutex>
#include <string_view>
#include <thread>
#include <vector>

#include "interpreter/facts/batch_reader.hpp"

namespace kijun::cli {

// What --jobs 0 (the default) means: every core.
inline unsigned default_jobs() {
  unsigned n = std::thread::hardware_concurrency();
  return n == 0 ? 1 : n;
}

template <class Result>
struct CohortTask {
  // One line to its result; each thread has its own (made by make_worker,
  // on the calling thread), so it may keep state.
  using Work = std::function<void(std::string_view line, const facts::Batch::Line& at, Result& out)>;
  std::function<Work()> make_worker;
  // The results in input order, on the calling thread; false stops the run
  // (the output is gone).
  std::function<bool(const facts::Batch::Line& at, Result& r)> consume;
};

// jobs <= 1: everything on the calling thread, no thread started. Exceptions
// of workers and of the reader are rethrown here once every thread has ended.
template <class Result>
void run_cohort(facts::BatchReader& in, unsigned jobs, const CohortTask<Result>& task) {
  if (jobs <= 1) {
    auto work = task.make_worker();
    facts::Batch b;
    Result r;
    while (in.next(b))
      for (std::size_t i = 0; i < b.lines.size(); ++i) {
        r = Result();
        work(b.line(i), b.lines[i], r);
        if (!task.consume(b.lines[i], r)) return;
      }
    return;
  }

  struct Slot {
    facts::Batch batch;
    std::vector<Result> results;
    bool done = false;
  };
  const std::size_t capacity = 2 * static_cast<std::size_t>(jobs) + 2;
  std::vector<Slot> slots(capacity);
  std::mutex m;
  std::condition_variable to_reader, to_workers, to_writer;
  std::size_t read = 0, claimed = 0, written = 0;  // batches; batch k lives in slots[k % capacity]
  bool end = false, stop = false;
  std::exception_ptr failure;
  auto fail = [&](std::exception_ptr e) {
    std::lock_guard<std::mutex> l(m);
    if (!failure) failure = e;
    stop = true;
    to_reader.notify_all();
    to_workers.notify_all();
    to_writer.notify_all();
  };

  std::vector<typename CohortTask<Result>::Work> works;
  for (unsigned j = 0; j < jobs; ++j) works.push_back(task.make_worker());

  std::vector<std::thread> threads;
  threads.emplace_back([&] {
    try {
      facts::Batch b;
      for (;;) {
        {
          std::unique_lock<std::mutex> l(m);
          to_reader.wait(l, [&] { return stop || read - written < capacity; });
          if (stop) return;
        }
        bool got = in.next(b);  // the slot to fill is free: its batch was written
        std::lock_guard<std::mutex> l(m);
        if (!got) {
          end = true;
          to_workers.notify_all();
          to_writer.notify_all();
          return;
        }
        std::swap(slots[read % capacity].batch, b);  // b takes the written batch's buffers
        ++read;
        to_workers.notify_one();
      }
    } catch (...) {
      fail(std::current_exception());
    }
  });
  for (unsigned j = 0; j < jobs; ++j)
    threads.emplace_back([&, j] {
      try {
        for (;;) {
          std::size_t k;
          {
            std::unique_lock<std::mutex> l(m);
            to_workers.wait(l, [&] { return stop || claimed < read || end; });
            if (stop || claimed == read) return;
            k = claimed++;
          }
          Slot& s = slots[k % capacity];
          s.results.resize(s.batch.lines.size());
          for (std::size_t i = 0; i < s.batch.lines.size(); ++i) {
            s.results[i] = Result();
            works[j](s.batch.line(i), s.batch.lines[i], s.results[i]);
          }
          std::lock_guard<std::mutex> l(m);
          s.done = true;
          to_writer.notify_one();
        }
      } catch (...) {
        fail(std::current_exception());
      }
    });

  try {
    for (;;) {
      Slot* s;
      {
        std::unique_lock<std::mutex> l(m);
        to_writer.wait(l, [&] { return stop || (written < read && slots[written % capacity].done) || (end && written == read); });
        if (stop || written == read) break;
        s = &slots[written % capacity];
      }
      bool go = true;
      for (std::size_t i = 0; i < s->batch.lines.size() && go; ++i) go = task.consume(s->batch.lines[i], s->results[i]);
      std::lock_guard<std::mutex> l(m);
      s->done = false;
      ++written;
      if (!go) stop = true;
      to_reader.notify_one();
      if (!go) break;
    }
  } catch (...) {
    fail(std::current_exception());
  }
  {
    std::lock_guard<std::mutex> l(m);
    stop = true;
    to_reader.notify_all();
    to_workers.notify_all();
  }
  for (auto& t : threads) t.join();
  if (failure) std::rethrow_exception(failure);
}

}  // namespace kijun::cli
