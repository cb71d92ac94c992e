package com.consentry.gateway.shaping;

import com.consentry.gateway.grant.Grant;

/**
 * What the shaper puts where the core wrote an account number: the partner's token for
 * that account under this consent (the bank's vault, {@code tokenization}).
 */
@FunctionalInterface
public interface AccountNumberTokens {

	/**
	 * The token standing for {@code accountNumber} of {@code accountId} in this grant.
	 */
	String tokenFor(Grant grant, String accountId, String accountNumber);

}
