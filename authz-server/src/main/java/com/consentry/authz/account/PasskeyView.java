package com.consentry.authz.account;

import com.consentry.authz.customer.CustomerPasskeys;

/**
 * A passkey as the customer's page lists it.
 *
 * @param id the credential id (base64url), which the removal form names
 * @param label the name the customer gave it
 * @param added when it was added, in words
 * @param lastUsed when it last signed in or confirmed something, in words
 */
public record PasskeyView(String id, String label, String added, String lastUsed) {

	static PasskeyView of(CustomerPasskeys.Passkey passkey) {
		return new PasskeyView(passkey.id(), passkey.label(), ConsentView.format(passkey.created()),
				ConsentView.format(passkey.lastUsed()));
	}

}
