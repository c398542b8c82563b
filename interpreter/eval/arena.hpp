// A bump allocator for one applicant's values. reset() keeps the first block,
// so evaluating a cohort reuses the same memory applicant after applicant.
#pragma once

#include <cstddef>
#include <cstring>
#include <memory>
#include <string_view>
#include <vector>

#include "interpreter/eval/value.hpp"

namespace kijun {

class Arena {
 public:
  explicit Arena(std::size_t block_size = 64 * 1024) : block_size_(block_size) {}
  Arena(const Arena&) = delete;
  Arena& operator=(const Arena&) = delete;

  void* allocate(std::size_t bytes, std::size_t align = alignof(std::max_align_t)) {
    std::size_t p = (used_ + align - 1) & ~(align - 1);
    if (blocks_.empty() || p + bytes > capacity_) {
      grow(bytes + align);
      p = (used_ + align - 1) & ~(align - 1);
    }
    used_ = p + bytes;
    return blocks_[current_].get() + p;
  }

  Value* values(std::size_t n) {
    if (n == 0) return nullptr;
    auto* v = static_cast<Value*>(allocate(n * sizeof(Value), alignof(Value)));
    for (std::size_t i = 0; i < n; ++i) new (v + i) Value();
    return v;
  }

  std::string_view copy(std::string_view s) {
    if (s.empty()) return {};
    char* p = static_cast<char*>(allocate(s.size(), 1));
    std::memcpy(p, s.data(), s.size());
    return {p, s.size()};
  }

  // Forget everything allocated; keep the blocks for reuse.
  void reset() {
    current_ = 0;
    used_ = 0;
    capacity_ = blocks_.empty() ? 0 : sizes_[0];
  }

  std::size_t bytes_reserved() const {
    std::size_t n = 0;
    for (auto s : sizes_) n += s;
    return n;
  }

 private:
  void grow(std::size_t at_least) {
    // Reuse the next kept block when it is big enough, otherwise add one.
    while (current_ + 1 < blocks_.size()) {
      ++current_;
      if (sizes_[current_] >= at_least) {
        used_ = 0;
        capacity_ = sizes_[current_];
        return;
      }
    }
    std::size_t size = at_least > block_size_ ? at_least : block_size_;
    blocks_.push_back(std::make_unique<std::byte[]>(size));
    sizes_.push_back(size);
    current_ = blocks_.size() - 1;
    used_ = 0;
    capacity_ = size;
  }

  std::size_t block_size_;
  std::vector<std::unique_ptr<std::byte[]>> blocks_;
  std::vector<std::size_t> sizes_;
  std::size_t current_ = 0;
  std::size_t used_ = 0;
  std::size_t capacity_ = 0;
};

}  // namespace kijun
