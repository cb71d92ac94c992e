-- Partners registered through RFC 7591 with a directory-signed software statement.
CREATE SCHEMA IF NOT EXISTS registry;

CREATE TABLE registry.partner (
    client_id varchar(100) PRIMARY KEY,
    org_id varchar(200) NOT NULL,
    org_name varchar(200) NOT NULL,
    client_name varchar(200) NOT NULL,
    software_id varchar(200),
    directory_issuer varchar(500) NOT NULL,
    status varchar(16) NOT NULL,
    registration_access_token_hash bytea NOT NULL,
    metadata text NOT NULL,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    CONSTRAINT partner_status CHECK (status IN ('PENDING', 'ACTIVE', 'SUSPENDED'))
);
CREATE INDEX partner_org ON registry.partner (org_id);
