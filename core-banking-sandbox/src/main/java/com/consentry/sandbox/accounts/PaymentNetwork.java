package com.consentry.sandbox.accounts;

/**
 * FDX PaymentNetwork: how money moves in and out of a deposit account.
 *
 * @param bankId the routing number
 * @param identifier the full account number
 * @param identifierType {@code ACCOUNT_NUMBER}
 * @param type {@code US_ACH}, {@code US_FEDWIRE}
 * @param transferIn whether the network can credit the account
 * @param transferOut whether it can debit it
 */
record PaymentNetwork(String bankId, String identifier, String identifierType, String type, boolean transferIn,
		boolean transferOut) {

	/** The sandbox bank's ABA routing number. */
	static final String ROUTING_NUMBER = "021000021";

}
