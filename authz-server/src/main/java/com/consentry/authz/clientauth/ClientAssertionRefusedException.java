package com.consentry.authz.clientauth;

import java.io.Serial;

import org.springframework.security.oauth2.jwt.BadJwtException;

/**
 * A {@code private_key_jwt} client assertion was refused, for a {@link Reason}. Spring
 * Authorization Server answers every refused assertion with the same
 * {@code invalid_client}, so the client learns nothing about which rule it broke; the
 * reason is for tests and logs.
 *
 * @see <a href="https://datatracker.ietf.org/doc/html/rfc7523#section-3">RFC 7523 §3</a>
 */
public final class ClientAssertionRefusedException extends BadJwtException {

	@Serial
	private static final long serialVersionUID = 1L;

	/** Which rule refused the assertion. */
	public enum Reason {

		/** The assertion is longer than any honest one. */
		TOO_LONG("client assertion is too long"),

		/** RFC 7523 §3: not a signed JWT. */
		MALFORMED("client assertion is not a signed JWT"),

		/**
		 * FAPI 2.0 SP §5.4.1, RFC 8725 §3.1: {@code alg} is not the client's registered
		 * algorithm.
		 */
		ALGORITHM_NOT_REGISTERED("client assertion alg is not the client's registered algorithm"),

		/** The client's registered keys could not be read. */
		KEYS_UNREADABLE("the client's keys could not be read"),

		/** RFC 7523 §3(9): no registered key verifies the signature. */
		BAD_SIGNATURE("client assertion signature does not verify with a registered key"),

		/** RFC 7523 §3(1), (2): {@code iss} and {@code sub} are not the client id. */
		NOT_THE_CLIENT("client assertion iss and sub must be the client id"),

		/** FAPI 2.0 SP §5.3.2.1(8): {@code aud} is not the issuer, as a single string. */
		WRONG_AUDIENCE("client assertion aud must be the issuer identifier, as a string"),

		/** RFC 7523 §3(4): {@code exp} missing or passed. */
		EXPIRED("client assertion is expired or has no exp"),

		/** FAPI 2.0 SP §5.3.2.1: more than five minutes to live. */
		LIVES_TOO_LONG("client assertion lives longer than five minutes"),

		/** FAPI 2.0 SP §5.3.2.1(13): {@code iat} or {@code nbf} more than 10 s ahead. */
		ISSUED_IN_FUTURE("client assertion iat or nbf is in the future"),

		/** RFC 7523 §3(7): no usable {@code jti}. */
		BAD_JTI("client assertion has no usable jti"),

		/** RFC 7523 §3(7): the {@code jti} was used before, on any instance. */
		REPLAYED("client assertion jti has been used before");

		private final String description;

		Reason(String description) {
			this.description = description;
		}

	}

	private final Reason reason;

	ClientAssertionRefusedException(Reason reason) {
		super(reason.description);
		this.reason = reason;
	}

	public Reason reason() {
		return this.reason;
	}

}
