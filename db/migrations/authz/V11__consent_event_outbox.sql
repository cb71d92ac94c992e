-- Signed consent events owed to partners (issue 8, item 4): a transactional outbox. A row is written in the
-- transaction that revokes the consent, so an event exists exactly when the revocation committed; senders on
-- any instance claim due rows with FOR UPDATE SKIP LOCKED and POST them outside any transaction.
-- event_id is the JWS jti: the same on every attempt, so a partner can drop a duplicate delivery.
CREATE TABLE authz.consent_event_outbox (
    event_id uuid PRIMARY KEY,
    client_id varchar(100) NOT NULL,
    -- the partner's notification_uri when the event was written; later changes apply to later events
    notification_uri varchar(512) NOT NULL,
    consent_id varchar(100) NOT NULL,
    reason varchar(32) NOT NULL,
    initiator varchar(32) NOT NULL,
    revoked_at timestamptz NOT NULL,
    state varchar(16) NOT NULL,
    attempts int NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL,
    last_attempt_at timestamptz,
    -- why the last attempt failed (status code or error class, never a response body)
    last_error varchar(200),
    created_at timestamptz NOT NULL,
    delivered_at timestamptz,
    CONSTRAINT consent_event_state CHECK (state IN ('PENDING', 'DELIVERED', 'FAILED'))
);
CREATE INDEX consent_event_outbox_due ON authz.consent_event_outbox (next_attempt_at) WHERE state = 'PENDING';
CREATE INDEX consent_event_outbox_client ON authz.consent_event_outbox (client_id, created_at);
CREATE INDEX consent_event_outbox_consent ON authz.consent_event_outbox (consent_id);
