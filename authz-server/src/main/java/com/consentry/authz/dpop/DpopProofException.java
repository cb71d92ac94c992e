package com.consentry.authz.dpop;

/**
 * A DPoP proof was refused. {@link #errorCode()} is {@code invalid_dpop_proof}, or
 * {@code use_dpop_nonce} when only a (fresh) server nonce is missing; the message is safe
 * to send as {@code error_description}.
 *
 * @see <a href="https://datatracker.ietf.org/doc/html/rfc9449#section-5">RFC 9449 §5,
 * §8</a>
 */
public final class DpopProofException extends Exception {

	public static final String INVALID_DPOP_PROOF = "invalid_dpop_proof";

	public static final String USE_DPOP_NONCE = "use_dpop_nonce";

	private final String errorCode;

	private DpopProofException(String errorCode, String description) {
		super(description, null, false, false);
		this.errorCode = errorCode;
	}

	static DpopProofException invalid(String description) {
		return new DpopProofException(INVALID_DPOP_PROOF, description);
	}

	static DpopProofException nonceNeeded(String description) {
		return new DpopProofException(USE_DPOP_NONCE, description);
	}

	public String errorCode() {
		return this.errorCode;
	}

}
