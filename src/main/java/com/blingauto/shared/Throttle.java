package com.blingauto.shared;

import java.time.Duration;
import java.util.Optional;

/**
 * A named budget shared by every API instance (kept in Redis by the platform). Fails open: when the store
 * cannot be reached every call is allowed.
 */
public interface Throttle {

    /**
     * Takes one permit from the budget {@code key} of {@code capacity} permits per {@code period}; empty when
     * allowed, otherwise how long until a permit is available again.
     */
    Optional<Duration> tryAcquire(String key, long capacity, Duration period);
}
