--liquibase formatted sql

--changeset blingauto:scheduling-0001
--comment: Resource reservations (spec 07 SCH-12): no two active reservations of one resource overlap, buffer included.
CREATE EXTENSION IF NOT EXISTS btree_gist;
CREATE TABLE reservations
(
    id            UUID                     NOT NULL PRIMARY KEY,
    resource_id   UUID                     NOT NULL,
    resource_type VARCHAR(20)              NOT NULL CONSTRAINT reservations_resource_type_check CHECK (resource_type IN ('wash_bay', 'mobile_team')),
    kind          VARCHAR(10)              NOT NULL CONSTRAINT reservations_kind_check CHECK (kind IN ('booking', 'hold')),
    booking_id    UUID                     NOT NULL,
    customer_id   UUID                     NOT NULL,
    starts_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    ends_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    blocked_until TIMESTAMP WITH TIME ZONE NOT NULL,
    active        BOOLEAN                  NOT NULL DEFAULT TRUE,
    created_by    UUID                     NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    released_at   TIMESTAMP WITH TIME ZONE,
    CONSTRAINT reservations_range_check CHECK (ends_at > starts_at),
    CONSTRAINT reservations_buffer_check CHECK (blocked_until = ends_at + INTERVAL '15 minutes'),
    CONSTRAINT reservations_no_overlap EXCLUDE USING gist (resource_id WITH =, tstzrange(starts_at, blocked_until, '[)') WITH &&) WHERE (active)
);
CREATE INDEX reservations_resource_starts_idx ON reservations (resource_id, starts_at);
CREATE INDEX reservations_booking_idx ON reservations (booking_id) WHERE active;
--rollback DROP TABLE reservations;
