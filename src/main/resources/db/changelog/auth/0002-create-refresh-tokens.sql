--liquibase formatted sql

--changeset blingauto:auth-0002
--comment: Opaque refresh tokens, stored as SHA-256 hashes, rotated within a family (AUTH-5, AUTH-6).
CREATE TABLE refresh_tokens
(
    id          UUID                     NOT NULL PRIMARY KEY,
    user_id     UUID                     NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    family_id   UUID                     NOT NULL,
    token_hash  CHAR(64)                 NOT NULL CONSTRAINT refresh_tokens_token_hash_key UNIQUE,
    expires_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    revoked_at  TIMESTAMP WITH TIME ZONE,
    replaced_by UUID,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX refresh_tokens_user_id_idx ON refresh_tokens (user_id);
CREATE INDEX refresh_tokens_family_id_idx ON refresh_tokens (family_id);
--rollback DROP TABLE refresh_tokens;
