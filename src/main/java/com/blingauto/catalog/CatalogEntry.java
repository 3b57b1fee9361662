package com.blingauto.catalog;

import java.math.BigDecimal;
import java.util.UUID;

/** A service with its category, as pricing quotes it (spec 04 QuoteServiceItem, PRC-1, PRC-7). */
public record CatalogEntry(UUID id, String name, UUID categoryId, String categoryName, BigDecimal price,
                           int durationMinutes, ServiceStatus status, CategoryStatus categoryStatus) {

    /** PRC-1: sellable when the service and its category are ACTIVE. */
    public boolean sellable() {
        return status == ServiceStatus.ACTIVE && categoryStatus == CategoryStatus.ACTIVE;
    }
}
