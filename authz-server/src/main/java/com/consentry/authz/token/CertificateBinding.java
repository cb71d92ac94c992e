package com.consentry.authz.token;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;

/**
 * The certificate an mTLS client's tokens are bound to (RFC 8705 §3): access tokens carry
 * {@code cnf.x5t#S256}, the SHA-256 of the DER certificate of the connection the client
 * authenticated on; a refresh token works only over a connection with the certificate of
 * the access tokens it was issued with.
 */
final class CertificateBinding {

	/** RFC 8705 §3.1: the confirmation member of a certificate-bound token. */
	static final String X5T_S256 = "x5t#S256";

	private CertificateBinding() {
	}

	/**
	 * The thumbprint of the client certificate the token request was authenticated with.
	 * @throws OAuth2AuthenticationException {@code invalid_client} when the client did
	 * not authenticate with a certificate
	 */
	static String thumbprintOf(@Nullable Authentication grant) {
		Object client = (grant != null) ? grant.getPrincipal() : null;
		if (client instanceof OAuth2ClientAuthenticationToken authentication
				&& authentication.getCredentials() instanceof X509Certificate[] chain && chain.length > 0) {
			return thumbprint(chain[0]);
		}
		// the client is registered for mTLS, so it authenticated with a certificate;
		// anything else is a misconfiguration and issues nothing
		throw new OAuth2AuthenticationException(new OAuth2Error(OAuth2ErrorCodes.INVALID_CLIENT,
				"certificate-bound tokens need client authentication by certificate",
				"https://datatracker.ietf.org/doc/html/rfc8705#section-3"));
	}

	/** RFC 8705 §3.1: base64url of the SHA-256 of the DER certificate. */
	static String thumbprint(X509Certificate certificate) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
			return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
		}
		catch (NoSuchAlgorithmException | CertificateEncodingException ex) {
			throw new IllegalStateException("Cannot take the thumbprint of a client certificate", ex);
		}
	}

	/**
	 * A refresh must come over a connection with the certificate of the access tokens the
	 * refresh token was issued with (RFC 8705 §3, and FAPI 2.0 SP §5.3.2.1(4) for the
	 * refresh tokens of sender-constrained grants); codes are bound by client
	 * authentication alone.
	 * @throws OAuth2AuthenticationException {@code invalid_grant} otherwise
	 */
	static void check(AuthorizationGrantType grantType, OAuth2Authorization authorization, String thumbprint) {
		if (!AuthorizationGrantType.REFRESH_TOKEN.equals(grantType)) {
			return;
		}
		OAuth2Authorization.Token<OAuth2AccessToken> previous = authorization.getAccessToken();
		Object cnf = (previous != null) ? previous.getClaims().get(AccessTokenClaims.CNF) : null;
		Object bound = (cnf instanceof Map<?, ?> map) ? map.get(X5T_S256) : null;
		if (!thumbprint.equals(bound)) {
			throw ConsentLookup.invalidGrant("the client certificate is not the one this refresh token is bound to");
		}
	}

}
