-- The sandbox core-banking system: customers and their accounts in FDX shape. In production the
-- bank's own core stands here; the authorization server only reads account descriptors from it.
CREATE SCHEMA IF NOT EXISTS bank;

CREATE TABLE bank.customer (
    customer_id varchar(64) PRIMARY KEY,
    given_name varchar(100) NOT NULL,
    family_name varchar(100) NOT NULL,
    email varchar(200)
);

CREATE TABLE bank.account (
    account_id varchar(64) PRIMARY KEY,
    customer_id varchar(64) NOT NULL REFERENCES bank.customer (customer_id),
    account_category varchar(32) NOT NULL,
    account_type varchar(32) NOT NULL,
    product_name varchar(100) NOT NULL,
    nickname varchar(100),
    account_number varchar(34) NOT NULL,
    currency char(3) NOT NULL DEFAULT 'USD',
    status varchar(16) NOT NULL DEFAULT 'OPEN',
    current_balance numeric(14, 2) NOT NULL DEFAULT 0
);
CREATE INDEX account_customer ON bank.account (customer_id);
