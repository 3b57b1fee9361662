--liquibase formatted sql

--changeset blingauto:scheduling-0002
--comment: Opening hours per ISO day of week (1 = Monday) with breaks (SCH-1, SCH-2); no rows = the default week.
CREATE TABLE business_hours
(
    day_of_week SMALLINT NOT NULL PRIMARY KEY CONSTRAINT business_hours_day_check CHECK (day_of_week BETWEEN 1 AND 7),
    is_closed   BOOLEAN  NOT NULL,
    open_time   TIME,
    close_time  TIME,
    CONSTRAINT business_hours_times_check CHECK (is_closed OR (open_time IS NOT NULL AND close_time IS NOT NULL AND open_time < close_time))
);
CREATE TABLE business_hour_breaks
(
    id          UUID     NOT NULL PRIMARY KEY,
    day_of_week SMALLINT NOT NULL REFERENCES business_hours (day_of_week) ON DELETE CASCADE,
    start_time  TIME     NOT NULL,
    end_time    TIME     NOT NULL,
    CONSTRAINT business_hour_breaks_times_check CHECK (start_time < end_time)
);
CREATE INDEX business_hour_breaks_day_idx ON business_hour_breaks (day_of_week, start_time);
--rollback DROP TABLE business_hour_breaks;
--rollback DROP TABLE business_hours;
