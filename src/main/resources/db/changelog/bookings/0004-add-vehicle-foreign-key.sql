--liquibase formatted sql

--changeset blingauto:bookings-0004
--comment: A booking's vehicle is a row of vehicles (spec 05 §6); vehicles are soft-deleted, so the key never dangles.
ALTER TABLE bookings ADD CONSTRAINT bookings_vehicle_fk FOREIGN KEY (vehicle_id) REFERENCES vehicles (id);
--rollback ALTER TABLE bookings DROP CONSTRAINT bookings_vehicle_fk;
