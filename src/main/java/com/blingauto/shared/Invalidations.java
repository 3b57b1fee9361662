package com.blingauto.shared;

import java.util.function.Consumer;

/**
 * Keeps the in-JVM caches of several API replicas coherent: a module that changed cached data announces it
 * after its commit, and every other replica's listener for that topic evicts. Best effort — announcements are
 * lost while Redis is down — so every cache that relies on it also bounds the life of its entries.
 */
public interface Invalidations {

    /** Tells the other replicas that {@code key} of {@code topic} changed. Never blocks and never throws. */
    void announce(String topic, String key);

    /**
     * Calls {@code listener} with the key another replica announced on {@code topic}, or with {@code null}
     * ("everything") whenever announcements may have been missed, e.g. after Redis came back.
     */
    void subscribe(String topic, Consumer<String> listener);
}
