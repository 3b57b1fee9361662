--liquibase formatted sql

--changeset blingauto:bookings-0002
--comment: Service lines of a booking, snapshots of the catalogue (BOK-1); the unique key is deferred so that a list can be replaced in any statement order.
CREATE TABLE booking_services
(
    id               UUID           NOT NULL PRIMARY KEY,
    booking_id       UUID           NOT NULL CONSTRAINT booking_services_booking_fk REFERENCES bookings (id) ON DELETE CASCADE,
    service_id       UUID           NOT NULL,
    name             VARCHAR(100)   NOT NULL,
    price            NUMERIC(10, 2) NOT NULL CONSTRAINT booking_services_price_check CHECK (price >= 0),
    duration_minutes INTEGER        NOT NULL CONSTRAINT booking_services_duration_check CHECK (duration_minutes > 0),
    position         INTEGER        NOT NULL,
    CONSTRAINT booking_services_booking_service_key UNIQUE (booking_id, service_id) DEFERRABLE INITIALLY DEFERRED
);
CREATE INDEX booking_services_service_idx ON booking_services (service_id);
--rollback DROP TABLE booking_services;
