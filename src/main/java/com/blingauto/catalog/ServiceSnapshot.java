package com.blingauto.catalog;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * A service as other modules (bookings) read it. {@code active}: the service is ACTIVE and its category is ACTIVE
 * (what SVC-10 and PRC-1 require to sell it); {@code deleted}: the service is ARCHIVED.
 */
public record ServiceSnapshot(UUID id, String name, UUID categoryId, BigDecimal price, int durationMinutes,
                              boolean active, boolean deleted) {
}
