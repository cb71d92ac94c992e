package com.consentry.authz.consentpage;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

import com.consentry.authz.customer.CustomerPasskeys;
import com.consentry.authz.customer.PasskeyProperties;
import com.consentry.consent.ConsentRequest;
import com.consentry.consent.DataCluster;
import com.consentry.consent.RequestedResource;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.util.Assert;

/**
 * The bank's step-up rule for approving a consent. A consent that includes
 * payment-network data (the full account and routing numbers, or their tokens:
 * {@code ACCOUNT_PAYMENTS}, {@code PAYMENT_SUPPORT}) needs a fresh passkey assertion from
 * a customer who has a passkey: one given within
 * {@code consentry.passkeys.step-up-max-age} (5 minutes), either on the consent page
 * after the password or as the sign-in itself (a customer who just signed in with the
 * passkey is not asked twice). A customer without a passkey approves with the password
 * sign-in, the bank's choice by default; with {@code consentry.passkeys.step-up-required}
 * such a customer is asked to enrol one first. Consents without payment-network data need
 * no step-up.
 */
@Component
public final class ConsentStepUp {

	static final Set<DataCluster> PAYMENT_NETWORK = EnumSet.of(DataCluster.ACCOUNT_PAYMENTS,
			DataCluster.PAYMENT_SUPPORT);

	private final CustomerPasskeys passkeys;

	private final PasskeyProperties properties;

	ConsentStepUp(CustomerPasskeys passkeys, PasskeyProperties properties) {
		Assert.notNull(passkeys, "passkeys cannot be null");
		Assert.notNull(properties, "properties cannot be null");
		this.passkeys = passkeys;
		this.properties = properties;
	}

	/** What approving {@code request} asks of the signed-in {@code customer} now. */
	Need need(ConsentRequest request, Authentication customer) {
		if (!includesPaymentNetworks(request)) {
			return Need.NONE;
		}
		if (!this.passkeys.hasPasskey(customer.getName())) {
			return this.properties.stepUpRequired() ? Need.ENROL_PASSKEY : Need.NONE;
		}
		return (freshPasskey(customer) != null) ? Need.NONE : Need.PASSKEY;
	}

	/**
	 * When the passkey that makes {@code customer}'s sign-in fresh enough was given; null
	 * when none was, or too long ago.
	 */
	@Nullable Instant freshPasskey(Authentication customer) {
		return this.passkeys.freshPasskey(customer);
	}

	/** When {@code customer} gave a passkey after {@code oldest}; null if not. */
	static @Nullable Instant passkeyGivenSince(Authentication customer, Instant oldest) {
		return CustomerPasskeys.passkeyGivenSince(customer, oldest);
	}

	static boolean includesPaymentNetworks(ConsentRequest request) {
		for (RequestedResource resource : request.resources()) {
			if (resource.dataClusters().stream().anyMatch(PAYMENT_NETWORK::contains)) {
				return true;
			}
		}
		return false;
	}

	/** What the customer must do before approving. */
	enum Need {

		/** Nothing more: approve. */
		NONE,
		/** Give the passkey (again). */
		PASSKEY,
		/** Enrol a passkey first: the bank requires one and the customer has none. */
		ENROL_PASSKEY

	}

}
