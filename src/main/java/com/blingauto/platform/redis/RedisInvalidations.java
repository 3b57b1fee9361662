package com.blingauto.platform.redis;

import com.blingauto.shared.Invalidations;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.data.redis.connection.Message;
import org.springframework.data.redis.connection.MessageListener;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;
import org.springframework.context.SmartLifecycle;

/**
 * {@link Invalidations} over one Redis pub/sub channel. Announcements are published on a virtual thread, so a
 * slow or dead Redis never delays a request. The subscription is made in the background and retried every
 * 2 s until Redis answers, so the application starts and serves while Redis is down; every successful
 * (re)subscription tells each listener "everything", as messages may have been missed meanwhile.
 */
class RedisInvalidations implements Invalidations, MessageListener, SmartLifecycle, DisposableBean {

    static final String CHANNEL = "blingauto:invalidate";
    private static final Logger log = LoggerFactory.getLogger(RedisInvalidations.class);
    private static final Duration RETRY = Duration.ofSeconds(2);

    private final String instance = UUID.randomUUID().toString();
    private final Map<String, List<Consumer<String>>> listeners = new ConcurrentHashMap<>();
    private final StringRedisTemplate redis;
    private final RedisMessageListenerContainer container = new RedisMessageListenerContainer();
    private volatile boolean failing;
    private volatile boolean running;
    private volatile Thread starter;

    RedisInvalidations(RedisConnectionFactory connections) {
        this.redis = new StringRedisTemplate(connections);
        container.setConnectionFactory(connections);
        container.addMessageListener(this, new ChannelTopic(CHANNEL));
        container.setRecoveryInterval(RETRY.toMillis());
        container.afterPropertiesSet();
    }

    @Override
    public void announce(String topic, String key) {
        String message = instance + '\n' + topic + '\n' + (key == null ? "" : key);
        Thread.ofVirtual().name("invalidation-announce").start(() -> {
            try {
                redis.convertAndSend(CHANNEL, message);
                if (failing) {
                    failing = false;
                    log.info("cache invalidations reach Redis again");
                }
            } catch (RuntimeException e) {
                if (!failing) {
                    failing = true;
                    log.warn("cache invalidation not published (Redis unavailable): {}", e.getMessage());
                }
            }
        });
    }

    @Override
    public void subscribe(String topic, Consumer<String> listener) {
        listeners.computeIfAbsent(topic, t -> new CopyOnWriteArrayList<>()).add(listener);
    }

    @Override
    public void onMessage(Message message, byte[] pattern) {
        String[] parts = new String(message.getBody(), StandardCharsets.UTF_8).split("\n", 3);
        if (parts.length == 3 && !instance.equals(parts[0])) {
            notify(parts[1], parts[2].isEmpty() ? null : parts[2]);
        }
    }

    private void notify(String topic, String key) {
        for (Consumer<String> listener : listeners.getOrDefault(topic, List.of())) {
            try {
                listener.accept(key);
            } catch (RuntimeException e) {
                log.warn("cache invalidation listener of '{}' failed: {}", topic, e.getMessage());
            }
        }
    }

    private void notifyEverything() {
        listeners.keySet().forEach(topic -> notify(topic, null));
    }

    @Override
    public void start() {
        running = true;
        starter = Thread.ofVirtual().name("invalidation-subscribe").start(() -> {
            boolean reported = false;
            while (running) {
                try {
                    container.start();
                    notifyEverything();
                    if (reported) {
                        log.info("cache invalidations: subscribed to Redis");
                    }
                    return;
                } catch (RuntimeException e) {
                    container.stop();
                    if (!reported) {
                        reported = true;
                        log.warn("cache invalidations: Redis unavailable, retrying every {} s: {}", RETRY.toSeconds(), e.getMessage());
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
