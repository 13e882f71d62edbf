// first_error.h — FirstError: the first exception any thread of an
// exploration threw, kept for the calling thread to rethrow once every
// thread has ended (explore_by_cuts.h, exhaustive_by_cuts.h).
#pragma once
#include <exception>
#include <mutex>

namespace sc {

class FirstError {
 public:
  void keep(std::exception_ptr e) {
    std::lock_guard guard(lock_);
    if (!error_) error_ = e;
  }
  void rethrow_if_any() {  // once no thread can keep() any more
    if (error_) std::rethrow_exception(error_);
  }

 private:
  std::mutex lock_;
  std::exception_ptr error_;
};

}  // namespace sc
