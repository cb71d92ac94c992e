-- FDX consents. A consent is created at PAR (AWAITING_AUTHORIZATION) and becomes ACTIVE when the
-- customer approves; DENIED ends a request the customer refused. Only ACTIVE, EXPIRED and REVOKED
-- are visible through the FDX consent API.
CREATE SCHEMA IF NOT EXISTS consent;

CREATE TABLE consent.consent (
    id varchar(64) PRIMARY KEY,
    client_id varchar(100) NOT NULL,
    customer_id varchar(64),
    status varchar(32) NOT NULL,
    duration_type varchar(16) NOT NULL,
    duration_period int,
    lookback_period int,
    requested_resources text NOT NULL,
    granted_resources text,
    created_at timestamptz NOT NULL,
    authorized_at timestamptz,
    expires_at timestamptz,
    updated_at timestamptz NOT NULL,
    CONSTRAINT consent_status CHECK (status IN ('AWAITING_AUTHORIZATION', 'ACTIVE', 'DENIED', 'EXPIRED', 'REVOKED')),
    CONSTRAINT consent_duration_type CHECK (duration_type IN ('ONE_TIME', 'PERSISTENT', 'TIME_BOUND'))
);
CREATE INDEX consent_customer ON consent.consent (customer_id);
CREATE INDEX consent_client ON consent.consent (client_id);
