--liquibase formatted sql

--changeset blingauto:vehicles-0001
--comment: Vehicles (spec 02 §6): one non-deleted vehicle per (customer, plate), at most one default per customer, sizes checked by the database.
CREATE TABLE vehicles
(
    id            UUID                     NOT NULL PRIMARY KEY,
    customer_id   UUID                     NOT NULL CONSTRAINT vehicles_customer_id_fkey REFERENCES users (id),
    make          VARCHAR(50)              NOT NULL,
    model         VARCHAR(50)              NOT NULL,
    year          INTEGER                  NOT NULL CONSTRAINT vehicles_year_check CHECK (year >= 1900),
    color         VARCHAR(30)              NOT NULL,
    license_plate VARCHAR(20)              NOT NULL,
    vehicle_size  VARCHAR(20)              NOT NULL DEFAULT 'standard'
        CONSTRAINT vehicles_vehicle_size_check CHECK (vehicle_size IN ('compact', 'standard', 'large', 'oversized')),
    is_default    BOOLEAN                  NOT NULL DEFAULT FALSE,
    is_deleted    BOOLEAN                  NOT NULL DEFAULT FALSE,
    deleted_at    TIMESTAMP WITH TIME ZONE,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    version       BIGINT                   NOT NULL DEFAULT 0,
    CONSTRAINT vehicles_deleted_at_check CHECK (is_deleted = (deleted_at IS NOT NULL)),
    CONSTRAINT vehicles_deleted_not_default_check CHECK (NOT (is_deleted AND is_default))
);
CREATE UNIQUE INDEX vehicles_customer_plate_key ON vehicles (customer_id, license_plate) WHERE NOT is_deleted;
CREATE UNIQUE INDEX vehicles_customer_default_key ON vehicles (customer_id) WHERE is_default AND NOT is_deleted;
CREATE INDEX vehicles_customer_list_idx ON vehicles (customer_id, is_default DESC, created_at, id) WHERE NOT is_deleted;
--rollback DROP TABLE vehicles;
