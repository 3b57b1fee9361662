--liquibase formatted sql

--changeset blingauto:bookings-0001
--comment: Bookings (spec 05 §6): states, types, totals and ratings checked by the database; an active booking holds exactly one resource; a vehicle is never in two overlapping active bookings (BOK-23).
CREATE EXTENSION IF NOT EXISTS btree_gist;
CREATE TABLE bookings
(
    id                         UUID                     NOT NULL PRIMARY KEY,
    customer_id                UUID                     NOT NULL CONSTRAINT bookings_customer_fk REFERENCES users (id),
    vehicle_id                 UUID                     NOT NULL,
    scheduled_at               TIMESTAMP WITH TIME ZONE NOT NULL,
    service_ends_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    status                     VARCHAR(20)              NOT NULL CONSTRAINT bookings_status_check CHECK (status IN ('pending', 'confirmed', 'in_progress', 'completed', 'cancelled', 'no_show')),
    booking_type               VARCHAR(20)              NOT NULL CONSTRAINT bookings_booking_type_check CHECK (booking_type IN ('stationary', 'mobile')),
    total_price                NUMERIC(10, 2)           NOT NULL CONSTRAINT bookings_total_price_check CHECK (total_price BETWEEN 0 AND 10000),
    estimated_duration_minutes INTEGER                  NOT NULL CONSTRAINT bookings_estimated_duration_check CHECK (estimated_duration_minutes BETWEEN 30 AND 240),
    wash_bay_id                UUID,
    mobile_team_id             UUID,
    location_lat               NUMERIC(10, 8) CONSTRAINT bookings_location_lat_check CHECK (location_lat BETWEEN -90 AND 90),
    location_lng               NUMERIC(11, 8) CONSTRAINT bookings_location_lng_check CHECK (location_lng BETWEEN -180 AND 180),
    notes                      TEXT                     NOT NULL DEFAULT '',
    phone_number               VARCHAR(20)              NOT NULL DEFAULT '',
    cancellation_fee           NUMERIC(10, 2)           NOT NULL DEFAULT 0 CONSTRAINT bookings_cancellation_fee_check CHECK (cancellation_fee >= 0),
    overtime_charges           NUMERIC(10, 2)           NOT NULL DEFAULT 0 CONSTRAINT bookings_overtime_charges_check CHECK (overtime_charges >= 0),
    actual_start_time          TIMESTAMP WITH TIME ZONE,
    actual_end_time            TIMESTAMP WITH TIME ZONE,
    confirmed_at               TIMESTAMP WITH TIME ZONE,
    confirmed_by               UUID,
    started_by                 UUID,
    completed_by               UUID,
    cancelled_at               TIMESTAMP WITH TIME ZONE,
    cancelled_by               UUID,
    cancellation_reason        VARCHAR(200),
    no_show_marked_at          TIMESTAMP WITH TIME ZONE,
    no_show_marked_by          UUID,
    quality_rating             INTEGER CONSTRAINT bookings_quality_rating_check CHECK (quality_rating BETWEEN 1 AND 5),
    quality_feedback           VARCHAR(1000),
    rated_at                   TIMESTAMP WITH TIME ZONE,
    created_at                 TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at                 TIMESTAMP WITH TIME ZONE NOT NULL,
    version                    BIGINT                   NOT NULL DEFAULT 0,
    CONSTRAINT bookings_service_range_check CHECK (service_ends_at = scheduled_at + make_interval(mins => estimated_duration_minutes)),
    CONSTRAINT bookings_one_resource_check CHECK (status NOT IN ('pending', 'confirmed', 'in_progress')
        OR ((wash_bay_id IS NULL) <> (mobile_team_id IS NULL))),
    CONSTRAINT bookings_mobile_location_check CHECK (booking_type <> 'mobile' OR (location_lat IS NOT NULL AND location_lng IS NOT NULL)),
    CONSTRAINT bookings_vehicle_no_overlap EXCLUDE USING gist (vehicle_id WITH =, tstzrange(scheduled_at, service_ends_at, '[)') WITH &&)
        WHERE (status IN ('pending', 'confirmed', 'in_progress'))
);
CREATE INDEX bookings_scheduled_at_idx ON bookings (scheduled_at DESC, id);
CREATE INDEX bookings_customer_scheduled_at_idx ON bookings (customer_id, scheduled_at DESC, id);
CREATE INDEX bookings_active_vehicle_idx ON bookings (vehicle_id) WHERE status IN ('pending', 'confirmed', 'in_progress');
--rollback DROP TABLE bookings;
