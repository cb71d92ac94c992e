package com.consentry.authz.clientauth;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.cert.CertPath;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.CertPathValidator;
import java.security.cert.X509CertSelector;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import com.consentry.registry.ClientCertificateAuthorities;
import com.consentry.registry.FapiClientSettings;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.util.Base64;

import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationContext;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.util.Assert;

/**
 * Checks the certificate of the TLS connection against the client's registration, for
 * Spring Authorization Server's {@code X509ClientCertificateAuthenticationProvider}:
 * <ul>
 * <li>every client certificate must be within its validity period (FAPI 2.0 refuses an
 * expired one as it refuses an expired assertion);</li>
 * <li>{@code tls_client_auth} (RFC 8705 §2.1): the chain must lead to a certificate
 * authority the bank configured for the directory that registered the client, and the
 * certificate must carry the one name the client registered (subject DN or SAN entry, RFC
 * 8705 §2.1.2) and be one for TLS client authentication: an extended key usage, if any,
 * naming {@code clientAuth}, a key usage, if any, with {@code digitalSignature} (the
 * checks JSSE makes of a client's certificate, which the connector's
 * {@code ClientCertificateHandshake} leaves to us), so that a directory's signing or
 * server certificate with the partner's name authenticates nobody;</li>
 * <li>{@code self_signed_tls_client_auth} (RFC 8705 §2.2): the certificate must be the
 * first of an {@code x5c} of a key in the client's registered key set, inline or at its
 * {@code jwks_uri}.</li>
 * </ul>
 * Any failure is {@code invalid_client}, whose description never says which rule broke.
 */
final class ClientCertificateVerifier implements Consumer<OAuth2ClientAuthenticationContext> {

	private static final String RFC8705 = "https://datatracker.ietf.org/doc/html/rfc8705#section-2";

	/** RFC 5280 §4.2.1.12 id-kp-clientAuth. */
	private static final String CLIENT_AUTH = "1.3.6.1.5.5.7.3.2";

	// only read once built (match changes nothing), so shared by every request
	private static final X509CertSelector FOR_CLIENT_AUTHENTICATION = forClientAuthentication();

	private final ClientCertificateAuthorities authorities;

	private final RemoteClientKeys remoteKeys;

	private final Clock clock;

	ClientCertificateVerifier(ClientCertificateAuthorities authorities, RemoteClientKeys remoteKeys, Clock clock) {
		Assert.notNull(authorities, "authorities cannot be null");
		Assert.notNull(remoteKeys, "remoteKeys cannot be null");
		Assert.notNull(clock, "clock cannot be null");
		this.authorities = authorities;
		this.remoteKeys = remoteKeys;
		this.clock = clock;
	}

	@Override
	public void accept(OAuth2ClientAuthenticationContext context) {
		RegisteredClient client = context.getRegisteredClient();
		OAuth2ClientAuthenticationToken authentication = context.getAuthentication();
		if (!(authentication.getCredentials() instanceof X509Certificate[] chain) || chain.length == 0) {
			throw refused("no client certificate");
		}
		Date now = Date.from(this.clock.instant());
		X509Certificate certificate = chain[0];
		try {
			certificate.checkValidity(now);
		}
		catch (CertificateExpiredException | CertificateNotYetValidException ex) {
			throw refused("the client certificate is not within its validity period");
		}
		if (ClientAuthenticationMethod.SELF_SIGNED_TLS_CLIENT_AUTH
			.equals(authentication.getClientAuthenticationMethod())) {
			if (!registeredSelfSigned(client, certificate)) {
				throw refused("the client certificate is not one the client registered");
			}
			return;
		}
		Set<TrustAnchor> anchors = this.authorities.trustAnchors(FapiClientSettings.directory(client).orElse(null));
		if (anchors.isEmpty() || !chainsTo(chain, anchors, now)) {
			throw refused("the client certificate is not issued by the client's directory");
		}
		if (!FOR_CLIENT_AUTHENTICATION.match(certificate)) {
			throw refused("the client certificate is not for TLS client authentication");
		}
		if (!FapiClientSettings.clientCertificateName(client).map((name) -> name.matches(certificate)).orElse(false)) {
			throw refused("the client certificate does not carry the registered name");
		}
	}

	/** RFC 8705 §2.1: PKIX path validation to one of the directory's anchors. */
	private static boolean chainsTo(X509Certificate[] chain, Set<TrustAnchor> anchors, Date now) {
		// a chain may end with the anchor itself: it is the trust anchor, not part of
		// the path
		List<X509Certificate> path = new ArrayList<>(Arrays.asList(chain));
		path.removeIf((certificate) -> path.indexOf(certificate) > 0
				&& anchors.stream().anyMatch((anchor) -> certificate.equals(anchor.getTrustedCert())));
		try {
			CertPath certPath = CertificateFactory.getInstance("X.509").generateCertPath(path);
			PKIXParameters parameters = new PKIXParameters(anchors);
			// the directory's CRLs or OCSP are not configured: validity and signatures
			// only
			parameters.setRevocationEnabled(false);
			parameters.setDate(now);
			CertPathValidator.getInstance("PKIX").validate(certPath, parameters);
			return true;
		}
		catch (GeneralSecurityException ex) {
			return false;
		}
	}

	/**
	 * RFC 5280 §4.2.1.3, §4.2.1.12: a certificate without the extensions matches; one
	 * with them must allow {@code digitalSignature} and {@code clientAuth} (or
	 * {@code anyExtendedKeyUsage}).
	 */
	private static X509CertSelector forClientAuthentication() {
		X509CertSelector selector = new X509CertSelector();
		selector.setKeyUsage(new boolean[] { true });
		try {
			selector.setExtendedKeyUsage(Set.of(CLIENT_AUTH));
		}
		catch (IOException ex) {
			throw new IllegalStateException("id-kp-clientAuth is a valid object identifier", ex);
		}
		return selector;
	}

	private boolean registeredSelfSigned(RegisteredClient client, X509Certificate certificate) {
		byte[] encoded;
		try {
			encoded = certificate.getEncoded();
		}
		catch (CertificateEncodingException ex) {
			return false;
		}
		List<JWK> keys = FapiClientSettings.jwks(client).map(JWKSet::getKeys).orElse(null);
		if (keys == null) {
			String jwksUri = client.getClientSettings().getJwkSetUrl();
			if (jwksUri == null) {
				return false;
			}
			try {
				keys = this.remoteKeys.select(jwksUri, new JWKSelector(new JWKMatcher.Builder().build()));
			}
			catch (KeySourceException ex) {
				return false;
			}
		}
		for (JWK key : keys) {
			List<Base64> x5c = key.getX509CertChain();
			if (x5c != null && !x5c.isEmpty() && Arrays.equals(x5c.get(0).decode(), encoded)) {
				return true;
			}
		}
		return false;
	}

	private static OAuth2AuthenticationException refused(String reason) {
		// the reason is for the log of the failure, not for the caller
		OAuth2Error error = new OAuth2Error(OAuth2ErrorCodes.INVALID_CLIENT, "client authentication failed", RFC8705);
		return new OAuth2AuthenticationException(error, reason);
	}

}
