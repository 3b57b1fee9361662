--liquibase formatted sql

--changeset blingauto:auth-0003
--comment: The logout deny-list of access tokens, kept until each token's expiry (AUTH-10).
CREATE TABLE revoked_access_tokens
(
    jti        VARCHAR(64)              NOT NULL PRIMARY KEY,
    user_id    UUID                     NOT NULL,
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX revoked_access_tokens_expires_at_idx ON revoked_access_tokens (expires_at);
--rollback DROP TABLE revoked_access_tokens;
