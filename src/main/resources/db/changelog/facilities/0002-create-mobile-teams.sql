--liquibase formatted sql

--changeset blingauto:facilities-0002
--comment: Mobile teams (spec 06 §6): team name unique ignoring case among live rows, radius and capacity positive.
CREATE TABLE mobile_teams
(
    id                UUID                     NOT NULL PRIMARY KEY,
    team_name         VARCHAR(100)             NOT NULL,
    base_latitude     NUMERIC(10, 8)           NOT NULL CONSTRAINT mobile_teams_latitude_check CHECK (base_latitude BETWEEN -90 AND 90),
    base_longitude    NUMERIC(11, 8)           NOT NULL CONSTRAINT mobile_teams_longitude_check CHECK (base_longitude BETWEEN -180 AND 180),
    service_radius_km NUMERIC(6, 2)            NOT NULL DEFAULT 50 CONSTRAINT mobile_teams_service_radius_km_check CHECK (service_radius_km > 0),
    daily_capacity    INTEGER                  NOT NULL DEFAULT 8 CONSTRAINT mobile_teams_daily_capacity_check CHECK (daily_capacity > 0),
    equipment_types   TEXT[]                   NOT NULL DEFAULT '{}',
    status            VARCHAR(20)              NOT NULL CONSTRAINT mobile_teams_status_check CHECK (status IN ('active', 'inactive', 'maintenance')),
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    deleted_at        TIMESTAMP WITH TIME ZONE,
    version           BIGINT                   NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX mobile_teams_team_name_live_key ON mobile_teams (lower(team_name)) WHERE deleted_at IS NULL;
--rollback DROP TABLE mobile_teams;
