-- The whole consent lifecycle: the bank may suspend a consent (SUSPENDED, resumable), and the expiry job
-- finds running consents by their expiration time. Consent records are never deleted: regulation asks to
-- keep authorizations and revocations (CFPB 1033.351, consentry.consent.expiry.retention); the expiry job
-- only changes status.
ALTER TABLE consent.consent
    DROP CONSTRAINT consent_status,
    ADD CONSTRAINT consent_status CHECK (status IN ('AWAITING_AUTHORIZATION', 'ACTIVE', 'DENIED', 'SUSPENDED',
        'EXPIRED', 'REVOKED')),
    -- a consent that runs has an end (Consent.isActiveAt fails closed without one; this keeps it so)
    ADD CONSTRAINT consent_running_expires CHECK (status NOT IN ('ACTIVE', 'SUSPENDED') OR expires_at IS NOT NULL);

CREATE INDEX consent_running_expiry ON consent.consent (expires_at) WHERE status IN ('ACTIVE', 'SUSPENDED');
