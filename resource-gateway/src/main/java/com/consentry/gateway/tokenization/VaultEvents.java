package com.consentry.gateway.tokenization;

/**
 * The audit trail's names for what happens to account tokens. A token is named by its row
 * in the vault, never by itself, and the account by its id, never its number.
 */
final class VaultEvents {

	static final String DETOKENIZED = "account_token.detokenized";

	static final String REVOKED = "account_token.revoked";

	private VaultEvents() {
	}

	static String subject(long id) {
		return "account-token:" + id;
	}

}
