-- Signed checkpoints over (seq, hash) of the audit chain, each signed with ES256 and with ML-DSA-65, so that the
-- proof outlives a break of elliptic curves. The keys are the checkpoints' own (private halves sealed with
-- consentry.keys.encryption-key); they are never rotated away, so old checkpoints stay verifiable.
CREATE TABLE audit.checkpoint_key (
    kid                text        PRIMARY KEY,
    algorithm          text        NOT NULL CHECK (algorithm IN ('ES256', 'ML-DSA-65')),
    public_key         bytea       NOT NULL,
    sealed_private_key bytea       NOT NULL,
    created_at         timestamptz NOT NULL
);

CREATE TABLE audit.checkpoint (
    seq             bigint      PRIMARY KEY,
    hash            text        NOT NULL,
    signed_at       timestamptz NOT NULL,
    es256_kid       text        NOT NULL REFERENCES audit.checkpoint_key (kid),
    es256_signature bytea       NOT NULL,
    mldsa_kid       text        NOT NULL REFERENCES audit.checkpoint_key (kid),
    mldsa_signature bytea       NOT NULL
);

CREATE TRIGGER checkpoint_append_only BEFORE UPDATE OR DELETE ON audit.checkpoint
    FOR EACH ROW EXECUTE FUNCTION audit.refuse_change();
CREATE TRIGGER checkpoint_no_truncate BEFORE TRUNCATE ON audit.checkpoint
    FOR EACH STATEMENT EXECUTE FUNCTION audit.refuse_change();
CREATE TRIGGER checkpoint_key_append_only BEFORE UPDATE OR DELETE ON audit.checkpoint_key
    FOR EACH ROW EXECUTE FUNCTION audit.refuse_change();
