package com.blingauto.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.blingauto.shared.Invalidations;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class CatalogCacheTests {

    private final List<Consumer<String>> listeners = new ArrayList<>();
    private final List<String> announced = new ArrayList<>();
    private final Invalidations invalidations = new Invalidations() {
        @Override
        public void announce(String topic, String key) {
            announced.add(topic);
        }

        @Override
        public void subscribe(String topic, Consumer<String> listener) {
            listeners.add(listener);
        }
    };

    @Test
    void aReadThatOverlapsAWriteIsNotKept() {
        CatalogCache cache = new CatalogCache(JsonMapper.builder().build(), invalidations, 60);
        int[] loads = {0};
        cache.get("k", () -> {
            loads[0]++;
            cache.evictLocal();
            return "old";
        });
        assertThat(new String(cache.get("k", () -> {
            loads[0]++;
            return "new";
        }))).isEqualTo("\"new\"");
        assertThat(new String(cache.get("k", () -> {
            loads[0]++;
            return "newer";
        }))).isEqualTo("\"new\"");
        assertThat(loads[0]).isEqualTo(2);
    }

    @Test
    void aWriteIsAnnouncedAndAnotherReplicasAnnouncementEmptiesTheCache() {
        CatalogCache cache = new CatalogCache(JsonMapper.builder().build(), invalidations, 60);
        int[] loads = {0};
        cache.get("k", () -> ++loads[0]);
        cache.get("k", () -> ++loads[0]);
        assertThat(loads[0]).isEqualTo(1);

        listeners.forEach(listener -> listener.accept(null));
        cache.get("k", () -> ++loads[0]);
        assertThat(loads[0]).isEqualTo(2);

        cache.evictAfterCommit();
        assertThat(announced).containsExactly(CatalogCache.TOPIC);
        cache.get("k", () -> ++loads[0]);
        assertThat(loads[0]).isEqualTo(3);
    }
}
