package com.blingauto.shared;

import java.util.function.Consumer;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

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

    /**
     * Once the current transaction commits (at once outside a transaction): runs {@code evictLocal}, then
     * announces {@code key} of {@code topic} to the other replicas. Evicting before the commit would let a
     * concurrent read cache the old data again.
     */
    default void evictAfterCommit(String topic, String key, Runnable evictLocal) {
        Runnable evict = () -> {
            evictLocal.run();
            announce(topic, key);
        };
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    evict.run();
                }
            });
        } else {
            evict.run();
        }
    }
}
