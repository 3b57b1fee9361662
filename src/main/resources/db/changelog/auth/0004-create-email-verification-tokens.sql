--liquibase formatted sql

--changeset blingauto:auth-0004
--comment: Single-use e-mail verification tokens, stored hashed (AUTH-5, AUTH-7).
CREATE TABLE email_verification_tokens
(
    id         UUID                     NOT NULL PRIMARY KEY,
    user_id    UUID                     NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    token_hash CHAR(64)                 NOT NULL CONSTRAINT email_verification_tokens_token_hash_key UNIQUE,
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL,
    used_at    TIMESTAMP WITH TIME ZONE,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX email_verification_tokens_user_id_idx ON email_verification_tokens (user_id);
--rollback DROP TABLE email_verification_tokens;
