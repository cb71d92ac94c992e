-- The audit trail: one append-only, hash-chained log of security-relevant events (docs/architecture.md, "The audit
-- trail"). Each record's hash is SHA-256 over its canonical encoding, which includes seq and the previous record's
-- hash (prev_hash); the fields are stored exactly as they were hashed, so verification recomputes every hash.
CREATE SCHEMA IF NOT EXISTS audit;

CREATE TABLE audit.event (
    seq            bigint      PRIMARY KEY,
    recorded_at    timestamptz NOT NULL,
    type           text        NOT NULL,
    actor_kind     text        NOT NULL,
    actor          text        NOT NULL,
    subject        text,
    outcome        text        NOT NULL,
    correlation_id text        NOT NULL,
    consent_id     text,
    details        text        NOT NULL,
    prev_hash      text        NOT NULL,
    hash           text        NOT NULL
);

-- The customer's page reads the accesses of one consent.
CREATE INDEX event_consent ON audit.event (consent_id, seq) WHERE consent_id IS NOT NULL;

-- Append-only: no UPDATE, DELETE or TRUNCATE, whoever asks (a superuser can still disable the triggers; the hash
-- chain and the signed checkpoints show what was changed then).
CREATE FUNCTION audit.refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the audit log is append-only: % refused on %', TG_OP, TG_TABLE_NAME
        USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER event_append_only BEFORE UPDATE OR DELETE ON audit.event
    FOR EACH ROW EXECUTE FUNCTION audit.refuse_change();
CREATE TRIGGER event_no_truncate BEFORE TRUNCATE ON audit.event
    FOR EACH STATEMENT EXECUTE FUNCTION audit.refuse_change();
