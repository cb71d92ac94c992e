-- Customers' passkeys. Spring Security's JDBC repositories name their tables (user_entities,
-- user_credentials) without a way to change them, so customers' passkeys live in the same two tables as
-- the bank admins'. A customer's user entity is named 'customer:' || customer_id; no admin may take such
-- a name, and each side's repository sees only its own entities. Each entity still goes with its owner:
-- a generated column per kind carries the foreign key that V18 put on the name.
ALTER TABLE authz.user_entities DROP CONSTRAINT user_entities_name_fkey;

ALTER TABLE authz.bank_admin
    ADD CONSTRAINT bank_admin_username_not_customer CHECK (username NOT LIKE 'customer:%');

ALTER TABLE authz.user_entities
    ADD COLUMN bank_admin varchar(100)
        GENERATED ALWAYS AS (CASE WHEN name LIKE 'customer:%' THEN NULL ELSE name END) STORED
        REFERENCES authz.bank_admin (username) ON DELETE CASCADE,
    ADD COLUMN customer_id varchar(64)
        GENERATED ALWAYS AS (CASE WHEN name LIKE 'customer:%' THEN substr(name, 10) END) STORED
        REFERENCES authz.customer_login (customer_id) ON DELETE CASCADE;

CREATE INDEX user_entities_customer ON authz.user_entities (customer_id) WHERE customer_id IS NOT NULL;
