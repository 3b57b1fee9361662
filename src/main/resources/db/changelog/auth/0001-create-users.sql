--liquibase formatted sql

--changeset blingauto:auth-0001
--comment: Users (spec 01 §6): e-mail unique ignoring case, role and status checked by the database.
CREATE TABLE users
(
    id                    UUID                     NOT NULL PRIMARY KEY,
    email                 VARCHAR(255)             NOT NULL,
    first_name            VARCHAR(100)             NOT NULL,
    last_name             VARCHAR(100)             NOT NULL,
    password_hash         VARCHAR(100)             NOT NULL,
    role                  VARCHAR(20)              NOT NULL CONSTRAINT users_role_check CHECK (role IN ('admin', 'manager', 'washer', 'client')),
    status                VARCHAR(20)              NOT NULL CONSTRAINT users_status_check CHECK (status IN ('active', 'inactive')),
    phone_number          VARCHAR(20),
    email_verified        BOOLEAN                  NOT NULL DEFAULT FALSE,
    email_verified_at     TIMESTAMP WITH TIME ZONE,
    failed_login_attempts INTEGER                  NOT NULL DEFAULT 0 CONSTRAINT users_failed_login_attempts_check CHECK (failed_login_attempts >= 0),
    locked_until          TIMESTAMP WITH TIME ZONE,
    last_login_at         TIMESTAMP WITH TIME ZONE,
    password_changed_at   TIMESTAMP WITH TIME ZONE,
    created_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    version               BIGINT                   NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX users_email_lower_key ON users (lower(email));
CREATE INDEX users_created_at_idx ON users (created_at, id);
--rollback DROP TABLE users;
