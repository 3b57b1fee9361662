--liquibase formatted sql

--changeset blingauto:facilities-0001
--comment: Wash bays (spec 06 §6): bay number unique ignoring case among live rows, size, status and coordinates checked.
CREATE TABLE wash_bays
(
    id                 UUID                     NOT NULL PRIMARY KEY,
    bay_number         VARCHAR(50)              NOT NULL,
    max_vehicle_size   VARCHAR(20)              NOT NULL CONSTRAINT wash_bays_max_vehicle_size_check CHECK (max_vehicle_size IN ('compact', 'standard', 'large', 'oversized')),
    equipment_types    TEXT[]                   NOT NULL DEFAULT '{}',
    status             VARCHAR(20)              NOT NULL CONSTRAINT wash_bays_status_check CHECK (status IN ('active', 'inactive', 'maintenance')),
    location_latitude  NUMERIC(10, 8) CONSTRAINT wash_bays_latitude_check CHECK (location_latitude BETWEEN -90 AND 90),
    location_longitude NUMERIC(11, 8) CONSTRAINT wash_bays_longitude_check CHECK (location_longitude BETWEEN -180 AND 180),
    created_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    deleted_at         TIMESTAMP WITH TIME ZONE,
    version            BIGINT                   NOT NULL DEFAULT 0,
    CONSTRAINT wash_bays_location_pair_check CHECK ((location_latitude IS NULL) = (location_longitude IS NULL))
);
CREATE UNIQUE INDEX wash_bays_bay_number_live_key ON wash_bays (lower(bay_number)) WHERE deleted_at IS NULL;
--rollback DROP TABLE wash_bays;
