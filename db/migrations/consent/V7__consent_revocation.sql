-- FDX ConsentRevocation: why a consent was revoked and by whom. Set together with status
-- REVOKED, never for other states.
ALTER TABLE consent.consent
    ADD COLUMN revocation_reason varchar(32),
    ADD COLUMN revocation_initiator varchar(32),
    ADD COLUMN revoked_at timestamptz,
    ADD CONSTRAINT consent_revocation_reason CHECK (revocation_reason IN ('BUSINESS_RULE', 'USER_ACTION')),
    ADD CONSTRAINT consent_revocation_initiator CHECK (revocation_initiator IN ('DATA_ACCESS_PLATFORM',
        'DATA_PROVIDER', 'DATA_RECIPIENT', 'INDIVIDUAL', 'MERCHANT', 'VENDOR')),
    ADD CONSTRAINT consent_revocation_complete CHECK (
        (revocation_reason IS NULL AND revocation_initiator IS NULL AND revoked_at IS NULL)
        OR (status = 'REVOKED' AND revocation_reason IS NOT NULL AND revocation_initiator IS NOT NULL
            AND revoked_at IS NOT NULL));
