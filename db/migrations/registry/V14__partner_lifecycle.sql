-- Partner governance: an organisation's status may also be REVOKED (final), and every
-- change of it is recorded with who, when and why.
ALTER TABLE registry.partner DROP CONSTRAINT partner_status;
ALTER TABLE registry.partner
    ADD CONSTRAINT partner_status CHECK (status IN ('PENDING', 'ACTIVE', 'SUSPENDED', 'REVOKED'));

CREATE TABLE registry.partner_status_change (
    id bigserial PRIMARY KEY,
    org_id varchar(200) NOT NULL,
    from_status varchar(16) NOT NULL,
    to_status varchar(16) NOT NULL,
    actor varchar(200) NOT NULL,
    reason varchar(2000) NOT NULL,
    changed_at timestamptz NOT NULL
);
CREATE INDEX partner_status_change_org ON registry.partner_status_change (org_id, id);
