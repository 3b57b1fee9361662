--liquibase formatted sql

--changeset blingauto:pricing-0001
--comment: Price quotes (spec 04 PRC-5): kept 24 hours, the stored quote (services, amounts, tax rate) is its snapshot; expired rows are purged by the module.
CREATE TABLE quotes
(
    id                UUID                     NOT NULL PRIMARY KEY,
    created_by        UUID                     NOT NULL,
    customer_location VARCHAR(200),
    apply_tax         BOOLEAN                  NOT NULL,
    apply_discounts   BOOLEAN                  NOT NULL,
    snapshot          JSONB                    NOT NULL,
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    valid_until       TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX quotes_valid_until_idx ON quotes (valid_until);
--rollback DROP TABLE quotes;
