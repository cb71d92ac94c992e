package com.consentry.fapi.dpop;

/**
 * A DPoP proof was refused, for a {@link Reason}. {@link #errorCode()} is
 * {@code invalid_dpop_proof}, or {@code use_dpop_nonce} when only a (fresh) server nonce
 * is missing; the message is safe to send as {@code error_description}.
 *
 * @see <a href="https://datatracker.ietf.org/doc/html/rfc9449#section-5">RFC 9449 §5,
 * §8</a>
 */
public final class DpopProofException extends Exception {

	public static final String INVALID_DPOP_PROOF = "invalid_dpop_proof";

	public static final String USE_DPOP_NONCE = "use_dpop_nonce";

	/**
	 * Which rule refused the proof: what tests assert, and what {@code error_description}
	 * says.
	 */
	public enum Reason {

		/** DPoP proof is too long. */
		TOO_LONG(INVALID_DPOP_PROOF, "DPoP proof is too long"),

		/** DPoP proof is not a well-formed signed JWT. */
		MALFORMED(INVALID_DPOP_PROOF, "DPoP proof is not a well-formed signed JWT"),

		/** DPoP proof typ must be dpop+jwt. */
		WRONG_TYPE(INVALID_DPOP_PROOF, "DPoP proof typ must be dpop+jwt"),

		/** DPoP proof has no jwk header. */
		NO_KEY(INVALID_DPOP_PROOF, "DPoP proof has no jwk header"),

		/** DPoP proof jwk must not contain a private key. */
		PRIVATE_KEY(INVALID_DPOP_PROOF, "DPoP proof jwk must not contain a private key"),

		/** DPoP proof signature does not verify. */
		BAD_SIGNATURE(INVALID_DPOP_PROOF, "DPoP proof signature does not verify"),

		/** DPoP proof algorithm or key is not acceptable. */
		UNACCEPTABLE_ALGORITHM(INVALID_DPOP_PROOF, "DPoP proof algorithm or key is not acceptable"),

		/** DPoP proof jti is missing or too long. */
		BAD_JTI(INVALID_DPOP_PROOF, "DPoP proof jti is missing or too long"),

		/** DPoP proof htm does not match the request method. */
		HTM_MISMATCH(INVALID_DPOP_PROOF, "DPoP proof htm does not match the request method"),

		/** DPoP proof htu does not match the request URL. */
		HTU_MISMATCH(INVALID_DPOP_PROOF, "DPoP proof htu does not match the request URL"),

		/** DPoP proof has no iat. */
		NO_IAT(INVALID_DPOP_PROOF, "DPoP proof has no iat"),

		/** DPoP proof iat is in the future. */
		IAT_IN_FUTURE(INVALID_DPOP_PROOF, "DPoP proof iat is in the future"),

		/** DPoP proof is too old. */
		TOO_OLD(INVALID_DPOP_PROOF, "DPoP proof is too old"),

		/** DPoP proof ath does not match the access token. */
		ATH_MISMATCH(INVALID_DPOP_PROOF, "DPoP proof ath does not match the access token"),

		/** DPoP proof jwk has no thumbprint. */
		NO_THUMBPRINT(INVALID_DPOP_PROOF, "DPoP proof jwk has no thumbprint"),

		/** DPoP proof jti has been used before. */
		REPLAYED(INVALID_DPOP_PROOF, "DPoP proof jti has been used before"),

		/** RFC 9449 §8: the server requires a nonce and the proof has none. */
		NONCE_MISSING(USE_DPOP_NONCE, "DPoP proof must carry a server nonce"),

		/** RFC 9449 §8: the nonce is not one of the server's current ones. */
		NONCE_STALE(USE_DPOP_NONCE, "DPoP nonce is stale or unknown");

		private final String errorCode;

		private final String description;

		Reason(String errorCode, String description) {
			this.errorCode = errorCode;
			this.description = description;
		}

	}

	private final Reason reason;

	private DpopProofException(Reason reason) {
		super(reason.description, null, false, false);
		this.reason = reason;
	}

	static DpopProofException of(Reason reason) {
		return new DpopProofException(reason);
	}

	public Reason reason() {
		return this.reason;
	}

	public String errorCode() {
		return this.reason.errorCode;
	}

}
