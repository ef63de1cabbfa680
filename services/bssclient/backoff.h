#pragma once
/// The pause before a retry: exponential, capped, and jittered so that workstations cut off together (a back-office
/// restart, a network blip in the hall) do not all come back in the same instant. Pure: the randomness is an
/// argument, so the schedule is tested without a clock or a random source.

#include <chrono>

namespace bss {

/// How long to wait before retry number `retry` (1 for the first retry): `first` doubled on every retry up to
/// `cap` (the nominal pause), then spread by ±50 % with `jitter` in [0, 1): 0 gives half the nominal pause, 0.5 the
/// nominal pause, and values towards 1 up to one and a half times it. Zero or negative `first` means no pause;
/// `jitter` outside [0, 1) is clamped.
std::chrono::milliseconds backoff_delay(std::chrono::milliseconds first, std::chrono::milliseconds cap, int retry,
                                        double jitter);

} // namespace bss
