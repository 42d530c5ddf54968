"""Wrong passwords slow the next attempt down (doubling delay after a few free tries)."""

from __future__ import annotations

import time
from typing import Callable

FREE_ATTEMPTS = 3
MAX_DELAY = 300.0


class SignInThrottle:
    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self.failures = 0
        self._not_before = 0.0

    def wait_seconds(self) -> float:
        """How long until the next attempt is allowed (0 if now)."""
        return max(0.0, self._not_before - self._clock())

    def failed(self) -> float:
        self.failures += 1
        delay = 0.0 if self.failures < FREE_ATTEMPTS else min(MAX_DELAY, 2.0 ** (self.failures - FREE_ATTEMPTS + 1))
        self._not_before = self._clock() + delay
        return delay

    def succeeded(self) -> None:
        self.failures = 0
        self._not_before = 0.0
