-- The bank admin console counts consents granted and revoked per day: a range scan of each timestamp.
CREATE INDEX consent_authorized_at ON consent.consent (authorized_at) WHERE authorized_at IS NOT NULL;
CREATE INDEX consent_revoked_at ON consent.consent (revoked_at) WHERE revoked_at IS NOT NULL;
