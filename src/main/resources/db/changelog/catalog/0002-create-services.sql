--liquibase formatted sql

--changeset blingauto:catalog-0002
--comment: Services (spec 03 §6): names unique ignoring case per category among non-ARCHIVED services; price and duration checks.
CREATE TABLE services
(
    id                  UUID                     NOT NULL PRIMARY KEY,
    category_id         UUID                     NOT NULL CONSTRAINT services_category_fk REFERENCES categories (id),
    name                VARCHAR(100)             NOT NULL,
    description         VARCHAR(1000)            NOT NULL DEFAULT '',
    price               NUMERIC(10, 2)           NOT NULL CONSTRAINT services_price_check CHECK (price > 0),
    duration_minutes    INTEGER                  NOT NULL CONSTRAINT services_duration_check CHECK (duration_minutes % 15 = 0 AND duration_minutes BETWEEN 15 AND 480),
    status              VARCHAR(20)              NOT NULL DEFAULT 'ACTIVE' CONSTRAINT services_status_check CHECK (status IN ('ACTIVE', 'INACTIVE', 'ARCHIVED')),
    is_popular          BOOLEAN                  NOT NULL DEFAULT FALSE,
    display_order       INTEGER                  NOT NULL DEFAULT 0 CONSTRAINT services_display_order_check CHECK (display_order >= 0),
    deactivation_reason VARCHAR(500),
    deactivated_by      UUID,
    deactivated_at      TIMESTAMP WITH TIME ZONE,
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    version             BIGINT                   NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX services_category_name_key ON services (category_id, lower(name)) WHERE status <> 'ARCHIVED';
CREATE INDEX services_listing_idx ON services (display_order, lower(name), id);
CREATE INDEX services_category_idx ON services (category_id);
--rollback DROP TABLE services;
