--liquibase formatted sql

--changeset blingauto:bookings-0003
--comment: Idempotency keys of booking creation (BOK-21), scoped to the calling user and written in the booking's transaction.
CREATE TABLE booking_idempotency_keys
(
    user_id         UUID                     NOT NULL,
    idempotency_key VARCHAR(255)             NOT NULL,
    request_hash    VARCHAR(64)              NOT NULL,
    response_status INTEGER,
    response_body   TEXT,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (user_id, idempotency_key)
);
CREATE INDEX booking_idempotency_keys_created_at_idx ON booking_idempotency_keys (created_at);
--rollback DROP TABLE booking_idempotency_keys;
