package com.blingauto.catalog;

import com.blingauto.shared.BusinessRuleViolationException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A service sold in a category; it guards its own status, price and popularity rules (SVC-1, 6, 7, 10). */
@Entity
@Table(name = "services")
class WashService {

    @Id
    private UUID id;
    @Column(name = "category_id")
    private UUID categoryId;
    private String name;
    private String description;
    private BigDecimal price;
    @Column(name = "duration_minutes")
    private int durationMinutes;
    @Enumerated(EnumType.STRING)
    private ServiceStatus status;
    @Column(name = "is_popular")
    private boolean popular;
    @Column(name = "display_order")
    private int displayOrder;
    @Column(name = "deactivation_reason")
    private String deactivationReason;
    @Column(name = "deactivated_by")
    private UUID deactivatedBy;
    @Column(name = "deactivated_at")
    private Instant deactivatedAt;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "updated_at")
    private Instant updatedAt;
    @Version
    private long version;

    protected WashService() {
    }

    /** SVC-1: new services are ACTIVE. */
    static WashService create(UUID categoryId, String name, String description, BigDecimal price, int durationMinutes,
                              boolean popular, int displayOrder, Instant now) {
        WashService service = new WashService();
        service.id = UUID.randomUUID();
        service.categoryId = categoryId;
        service.name = name;
        service.description = description;
        service.price = price.setScale(2);
        service.durationMinutes = durationMinutes;
        service.status = ServiceStatus.ACTIVE;
        service.popular = popular;
        service.displayOrder = displayOrder;
        service.createdAt = now;
        service.updatedAt = now;
        return service;
    }

    /** SVC-7: archived services keep their price. */
    void changePrice(BigDecimal newPrice, Instant now) {
        if (status == ServiceStatus.ARCHIVED) {
            throw new BusinessRuleViolationException("SVC", 7, "Cannot change the price of an archived service");
        }
        price = newPrice.setScale(2);
        updatedAt = now;
    }

    /** SVC-6: only ACTIVE services can become popular (the category limit is checked by the caller under lock). */
    void markPopular(boolean value, Instant now) {
        if (value && status != ServiceStatus.ACTIVE) {
            throw new BusinessRuleViolationException("SVC", 6, "Only active services can be marked as popular");
        }
        popular = value;
        updatedAt = now;
    }

    /** SVC-10: ACTIVE → INACTIVE and non-popular; INACTIVE stays as it is; ARCHIVED is refused. */
    boolean deactivate(String reason, UUID by, Instant now) {
        return switch (status) {
            case ACTIVE -> {
                status = ServiceStatus.INACTIVE;
                popular = false;
                deactivationReason = reason;
                deactivatedBy = by;
                deactivatedAt = now;
                updatedAt = now;
                yield true;
            }
            case INACTIVE -> false;
            case ARCHIVED -> throw new BusinessRuleViolationException("SVC", 10, "Archived services cannot be deactivated");
        };
    }

    UUID id() {
        return id;
    }

    UUID categoryId() {
        return categoryId;
    }

    String name() {
        return name;
    }

    String description() {
        return description;
    }

    BigDecimal price() {
        return price;
    }

    int durationMinutes() {
        return durationMinutes;
    }

    ServiceStatus status() {
        return status;
    }

    boolean popular() {
        return popular;
    }

    int displayOrder() {
        return displayOrder;
    }

    String deactivationReason() {
        return deactivationReason;
    }

    UUID deactivatedBy() {
        return deactivatedBy;
    }
}
