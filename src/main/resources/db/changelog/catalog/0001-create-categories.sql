--liquibase formatted sql

--changeset blingauto:catalog-0001
--comment: Service categories (spec 03 §6): names unique ignoring case among ACTIVE categories.
CREATE TABLE categories
(
    id            UUID                     NOT NULL PRIMARY KEY,
    name          VARCHAR(100)             NOT NULL,
    description   VARCHAR(500)             NOT NULL DEFAULT '',
    status        VARCHAR(20)              NOT NULL DEFAULT 'ACTIVE' CONSTRAINT categories_status_check CHECK (status IN ('ACTIVE', 'INACTIVE')),
    display_order INTEGER                  NOT NULL DEFAULT 0 CONSTRAINT categories_display_order_check CHECK (display_order >= 0),
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    version       BIGINT                   NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX categories_active_name_key ON categories (lower(name)) WHERE status = 'ACTIVE';
--rollback DROP TABLE categories;
