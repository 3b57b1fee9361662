--liquibase formatted sql

--changeset blingauto:auth-0005
--comment: Single-use password reset tokens, stored hashed (AUTH-5, AUTH-8).
CREATE TABLE password_reset_tokens
(
    id         UUID                     NOT NULL PRIMARY KEY,
    user_id    UUID                     NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    token_hash CHAR(64)                 NOT NULL CONSTRAINT password_reset_tokens_token_hash_key UNIQUE,
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL,
    used_at    TIMESTAMP WITH TIME ZONE,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX password_reset_tokens_user_id_idx ON password_reset_tokens (user_id);
--rollback DROP TABLE password_reset_tokens;
