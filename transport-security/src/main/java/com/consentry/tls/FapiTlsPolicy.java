package com.consentry.tls;

import java.util.List;

/**
 * The TLS policy every endpoint of the platform serves, fixed in code so that no bundle
 * or property can loosen it: TLS 1.3, and TLS 1.2 only with the four cipher suites FAPI
 * 2.0 Security Profile §5.2.2 allows (BCP 195's recommended ones); key exchange with the
 * hybrid post-quantum group X25519MLKEM768 first (draft-ietf-tls-ecdhe-mlkem, codepoint
 * 0x11EC), then X25519 and P-256, and finite-field ffdhe2048 last, for the two DHE
 * suites.
 */
public final class FapiTlsPolicy {

	/** The protocol versions served. */
	public static final List<String> PROTOCOLS = List.of("TLSv1.3", "TLSv1.2");

	/** The TLS 1.3 cipher suites (all of them; TLS 1.3 has no weak ones). */
	public static final List<String> TLS13_CIPHER_SUITES = List.of("TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384",
			"TLS_CHACHA20_POLY1305_SHA256");

	/** The only TLS 1.2 cipher suites, FAPI 2.0 SP §5.2.2(1). */
	public static final List<String> TLS12_CIPHER_SUITES = List.of("TLS_DHE_RSA_WITH_AES_128_GCM_SHA256",
			"TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", "TLS_DHE_RSA_WITH_AES_256_GCM_SHA384",
			"TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384");

	/** Key-exchange groups, most preferred first (the server's order wins). */
	public static final List<String> NAMED_GROUPS = List.of("X25519MLKEM768", "x25519", "secp256r1", "ffdhe2048");

	private FapiTlsPolicy() {
	}

}
