package com.consentry.authz.customer;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.Assert;

/**
 * Customers' passkeys and the step-up they give ({@code consentry.passkeys.*}).
 *
 * @param relyingPartyName the name an authenticator shows for the customers' passkeys
 * @param stepUpMaxAge how long a passkey assertion (a step-up on the consent page or a
 * sign-in with the passkey) counts as fresh for approving a consent that needs one
 * @param stepUpRequired whether a consent for payment-network data needs a passkey even
 * from customers who have none (they are asked to enrol one first); by default those
 * customers approve with their password sign-in alone
 */
@ConfigurationProperties("consentry.passkeys")
public record PasskeyProperties(@DefaultValue("Consentry Bank") String relyingPartyName,
		@DefaultValue("5m") Duration stepUpMaxAge, @DefaultValue("false") boolean stepUpRequired) {

	public PasskeyProperties {
		Assert.hasText(relyingPartyName, "consentry.passkeys.relying-party-name cannot be empty");
		Assert.isTrue(
				!stepUpMaxAge.isNegative() && !stepUpMaxAge.isZero()
						&& stepUpMaxAge.compareTo(Duration.ofMinutes(30)) <= 0,
				"consentry.passkeys.step-up-max-age must be positive and at most 30 minutes");
	}

}
