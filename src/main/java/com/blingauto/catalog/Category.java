package com.blingauto.catalog;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/** A category of the catalogue (spec 03). */
@Entity
@Table(name = "categories")
class Category {

    @Id
    private UUID id;
    private String name;
    private String description;
    @Enumerated(EnumType.STRING)
    private CategoryStatus status;
    @Column(name = "display_order")
    private int displayOrder;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "updated_at")
    private Instant updatedAt;
    @Version
    private long version;

    protected Category() {
    }

    /** SVC-1: new categories are ACTIVE. */
    static Category create(String name, String description, int displayOrder, Instant now) {
        Category category = new Category();
        category.id = UUID.randomUUID();
        category.name = name;
        category.description = description;
        category.status = CategoryStatus.ACTIVE;
        category.displayOrder = displayOrder;
        category.createdAt = now;
        category.updatedAt = now;
        return category;
    }

    UUID id() {
        return id;
    }

    String name() {
        return name;
    }

    String description() {
        return description;
    }

    CategoryStatus status() {
        return status;
    }

    int displayOrder() {
        return displayOrder;
    }

    boolean isActive() {
        return status == CategoryStatus.ACTIVE;
    }
}
