--liquibase formatted sql

--changeset blingauto:scheduling-0003
--comment: Closure days in the business time zone (SCH-3), one per date.
CREATE TABLE closures
(
    id         UUID                     NOT NULL PRIMARY KEY,
    date       DATE                     NOT NULL CONSTRAINT closures_date_key UNIQUE,
    reason     VARCHAR(200),
    created_by UUID                     NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL
);
--rollback DROP TABLE closures;
