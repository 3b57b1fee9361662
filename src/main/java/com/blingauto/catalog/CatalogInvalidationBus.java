package com.blingauto.catalog;

import java.time.Duration;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Lazy;
import org.springframework.data.redis.connection.Message;
import org.springframework.data.redis.connection.MessageListener;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;
import org.springframework.stereotype.Component;

/**
 * Tells the other replicas that the catalogue changed, over a Redis channel, and empties this replica's cache
 * when another one says so. Present only when Redis is configured. Failures are logged and ignored: a write
 * never waits for Redis, and a replica that missed a message converges within the cache entry lifetime.
 */
@Component
@ConditionalOnProperty(name = "blingauto.redis.configured", havingValue = "true")
class CatalogInvalidationBus implements MessageListener {

    static final String CHANNEL = "blingauto:catalog:invalidate";
    private static final Logger log = LoggerFactory.getLogger(CatalogInvalidationBus.class);

    private final String instance = UUID.randomUUID().toString();
    private final StringRedisTemplate redis;
    private final CatalogCache cache;
    private volatile boolean failing;

    CatalogInvalidationBus(StringRedisTemplate redis, @Lazy CatalogCache cache) {
        this.redis = redis;
        this.cache = cache;
    }

    /** Publishes on a virtual thread, so that a slow or dead Redis never delays the request. */
    void announce() {
        Thread.ofVirtual().name("catalog-invalidate").start(() -> {
            try {
                redis.convertAndSend(CHANNEL, instance);
                if (failing) {
                    failing = false;
                    log.info("catalogue invalidations reach Redis again");
                }
            } catch (RuntimeException e) {
                if (!failing) {
                    failing = true;
                    log.warn("catalogue invalidation not published (Redis unavailable): {}", e.getMessage());
                }
            }
        });
    }

    @Override
    public void onMessage(Message message, byte[] pattern) {
        if (!instance.equals(new String(message.getBody(), java.nio.charset.StandardCharsets.UTF_8))) {
            cache.evictLocal();
        }
    }

    /**
     * The channel subscription. It is made in the background, and retried every 2 s until Redis answers, so that
     * the application starts and serves while Redis is down; once subscribed, the container resubscribes by itself
     * after a disconnection. Each successful subscription empties the cache, as messages may have been missed.
     */
    @Component
    @ConditionalOnProperty(name = "blingauto.redis.configured", havingValue = "true")
    static class Subscription implements SmartLifecycle, DisposableBean {

        private static final Duration RETRY = Duration.ofSeconds(2);

        private final RedisMessageListenerContainer container = new RedisMessageListenerContainer();
        private final CatalogInvalidationBus bus;
        private volatile boolean running;
        private volatile Thread starter;

        Subscription(RedisConnectionFactory connections, CatalogInvalidationBus bus) {
            this.bus = bus;
            container.setConnectionFactory(connections);
            container.addMessageListener(bus, new ChannelTopic(CHANNEL));
            container.setRecoveryInterval(RETRY.toMillis());
            container.afterPropertiesSet();
        }

        @Override
        public void start() {
            running = true;
            starter = Thread.ofVirtual().name("catalog-subscribe").start(() -> {
                boolean reported = false;
                while (running) {
                    try {
                        container.start();
                        bus.cache.evictLocal();
                        if (reported) {
                            log.info("catalogue invalidations: subscribed to Redis");
                        }
                        return;
                    } catch (RuntimeException e) {
                        container.stop();
                        if (!reported) {
                            reported = true;
                            log.warn("catalogue invalidations: Redis unavailable, retrying every {} s: {}", RETRY.toSeconds(), e.getMessage());
                        }
                    }
                    try {
                        Thread.sleep(RETRY);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
        }

        @Override
        public void stop() {
            running = false;
            Thread thread = starter;
            if (thread != null) {
                thread.interrupt();
            }
            container.stop();
        }

        @Override
        public boolean isRunning() {
            return running;
        }

        /** Whether the channel is subscribed now. */
        boolean subscribed() {
            return container.isListening();
        }

        @Override
        public void destroy() throws Exception {
            container.destroy();
        }
    }
}
