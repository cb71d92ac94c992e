package com.consentry.tls;

import java.net.Socket;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;

import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedKeyManager;
import javax.net.ssl.X509KeyManager;

import org.jspecify.annotations.Nullable;

/**
 * A server key manager that answers BCJSSE's TLS 1.3 key types. For an ECDSA signature
 * scheme BCJSSE asks for the key type {@code EC/<curve>} (e.g. {@code EC/secp256r1}, RFC
 * 8446 §4.2.3 binds each scheme to one curve), a name no JSSE key manager knows:
 * SunJSSE's, which Tomcat makes from the SSL bundle, answers no alias and the handshake
 * fails with "no selectable cipher suite". This one asks its delegate for the algorithm
 * ({@code EC}) instead; BCJSSE still checks the key it gets against the full key type
 * (curve, key usage, algorithm constraints) before using it.
 */
final class Tls13KeyTypes extends X509ExtendedKeyManager {

	private final X509KeyManager delegate;

	private Tls13KeyTypes(X509KeyManager delegate) {
		this.delegate = delegate;
	}

	/** {@code managers} with every X.509 key manager answering BCJSSE's key types. */
	static KeyManager @Nullable [] understood(KeyManager @Nullable [] managers) {
		if (managers == null) {
			return null;
		}
		KeyManager[] understood = managers.clone();
		for (int i = 0; i < understood.length; i++) {
			if (understood[i] instanceof X509KeyManager x509 && !(x509 instanceof Tls13KeyTypes)) {
				understood[i] = new Tls13KeyTypes(x509);
			}
		}
		return understood;
	}

	// "EC/secp256r1" -> "EC"; JSSE's own names ("RSA", "RSASSA-PSS", "Ed25519") pass
	private static String algorithm(String keyType) {
		int slash = keyType.indexOf('/');
		return (slash > 0) ? keyType.substring(0, slash) : keyType;
	}

	@Override
	public @Nullable String chooseServerAlias(String keyType, Principal @Nullable [] issuers, @Nullable Socket socket) {
		return this.delegate.chooseServerAlias(algorithm(keyType), issuers, socket);
	}

	@Override
	public @Nullable String chooseEngineServerAlias(String keyType, Principal @Nullable [] issuers,
			@Nullable SSLEngine engine) {
		if (this.delegate instanceof X509ExtendedKeyManager extended) {
			return extended.chooseEngineServerAlias(algorithm(keyType), issuers, engine);
		}
		return this.delegate.chooseServerAlias(algorithm(keyType), issuers, null);
	}

	@Override
	public String @Nullable [] getServerAliases(String keyType, Principal @Nullable [] issuers) {
		return this.delegate.getServerAliases(algorithm(keyType), issuers);
	}

	@Override
	public @Nullable String chooseClientAlias(String[] keyTypes, Principal @Nullable [] issuers,
			@Nullable Socket socket) {
		return this.delegate.chooseClientAlias(keyTypes, issuers, socket);
	}

	@Override
	public @Nullable String chooseEngineClientAlias(String[] keyTypes, Principal @Nullable [] issuers,
			@Nullable SSLEngine engine) {
		if (this.delegate instanceof X509ExtendedKeyManager extended) {
			return extended.chooseEngineClientAlias(keyTypes, issuers, engine);
		}
		return this.delegate.chooseClientAlias(keyTypes, issuers, null);
	}

	@Override
	public String @Nullable [] getClientAliases(String keyType, Principal @Nullable [] issuers) {
		return this.delegate.getClientAliases(keyType, issuers);
	}

	@Override
	public X509Certificate @Nullable [] getCertificateChain(String alias) {
		return this.delegate.getCertificateChain(alias);
	}

	@Override
	public @Nullable PrivateKey getPrivateKey(String alias) {
		return this.delegate.getPrivateKey(alias);
	}

}
