package com.consentry.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Provider;
import java.text.ParseException;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.auth.PrivateKeyJWT;
import com.nimbusds.oauth2.sdk.client.ClientMetadata;
import com.nimbusds.oauth2.sdk.client.ClientRegistrationRequest;
import com.nimbusds.oauth2.sdk.client.ClientRegistrationResponse;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import org.jspecify.annotations.Nullable;

/**
 * The benchmark's partner: registered once per run (RFC 7591, with a
 * {@code software_statement} signed by the default run's demo directory key), then shared
 * by every thread. Its client key signs a fresh {@code private_key_jwt} assertion
 * ({@code aud} = issuer, FAPI 2.0) for every request.
 *
 * @see <a href="https://datatracker.ietf.org/doc/html/rfc7591#section-2.3">RFC 7591 §2.3
 * software statement</a>
 * @see <a href=
 * "https://openid.net/specs/fapi-security-profile-2_0-final.html#section-5.3.2.1">FAPI
 * 2.0 SP §5.3.2.1</a>
 */
final class Partner {

	static final URI REDIRECT_URI = URI.create("https://bench.consentry.example/cb");

	static final String DIRECTORY_ISSUER = "https://directory.consentry.example";

	private static final int TIMEOUT_MILLIS = 10_000;

	private final URI issuer;

	private final ClientID clientId;

	private final String clientKeyId;

	private final PrivateKey clientPrivateKey;

	private final @Nullable Provider jca;

	private Partner(URI issuer, ClientID clientId, ECKey clientKey, @Nullable Provider jca) {
		this.issuer = issuer;
		this.clientId = clientId;
		this.clientKeyId = clientKey.getKeyID();
		this.clientPrivateKey = privateKey(clientKey, jca);
		this.jca = jca;
	}

	/**
	 * Registers a new partner at {@code issuer}.
	 * @param directoryKeyFile the directory's private EC JWK
	 * @param jca the provider for the partner's signatures, or {@code null} for the JDK's
	 */
	static Partner register(URI issuer, Path directoryKeyFile, @Nullable Provider jca) throws IOException {
		ECKey directoryKey = readDirectoryKey(directoryKeyFile);
		ECKey clientKey = newKey("bench-client");
		ClientMetadata body = new ClientMetadata();
		body.setName("Consentry benchmark");
		HTTPRequest request = new ClientRegistrationRequest(issuer.resolve("/register"), body,
				softwareStatement(directoryKey, clientKey), null)
			.toHTTPRequest();
		HTTPResponse http = send(request);
		ClientRegistrationResponse response;
		try {
			response = ClientRegistrationResponse.parse(http);
		}
		catch (com.nimbusds.oauth2.sdk.ParseException ex) {
			throw new IOException(
					"registration answer " + http.getStatusCode() + " is not RFC 7591: " + http.getBody());
		}
		if (!response.indicatesSuccess()) {
			throw new IOException("registration refused: " + http.getStatusCode() + " "
					+ response.toErrorResponse().getErrorObject().toJSONObject());
		}
		return new Partner(issuer, response.toSuccessResponse().getClientInformation().getID(), clientKey, jca);
	}

	URI issuer() {
		return this.issuer;
	}

	ClientID clientId() {
		return this.clientId;
	}

	URI endpoint(String path) {
		return this.issuer.resolve(path);
	}

	/**
	 * A new {@code private_key_jwt} (fresh {@code jti}), {@code aud} = the issuer
	 * identifier.
	 */
	ClientAuthentication clientAuthentication() {
		try {
			return new PrivateKeyJWT(this.clientId, this.issuer, JWSAlgorithm.ES256, this.clientPrivateKey,
					this.clientKeyId, this.jca);
		}
		catch (JOSEException ex) {
			throw new IllegalStateException("cannot sign a client assertion", ex);
		}
	}

	/**
	 * Sends {@code request} without following redirects (every target stays on the
	 * issuer's host).
	 */
	static HTTPResponse send(HTTPRequest request) throws IOException {
		request.setFollowRedirects(false);
		request.setConnectTimeout(TIMEOUT_MILLIS);
		request.setReadTimeout(TIMEOUT_MILLIS);
		return request.send();
	}

	/**
	 * The private key of {@code key} as an object of {@code jca}'s own classes
	 * ({@code null}: the JDK's), to be made once and reused: BouncyCastle handed a JDK
	 * key object, or a new key object per signature, redoes its per-key precomputation
	 * every time and loses most of its speed (see {@link SignatureBenchmark}).
	 */
	static PrivateKey privateKey(ECKey key, @Nullable Provider jca) {
		try {
			PrivateKey jdkKey = key.toECPrivateKey();
			return (jca != null) ? (PrivateKey) KeyFactory.getInstance("EC", jca).translateKey(jdkKey) : jdkKey;
		}
		catch (JOSEException | GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static ECKey newKey(String prefix) {
		try {
			return new ECKeyGenerator(Curve.P_256).keyID(prefix + "-" + UUID.randomUUID()).generate();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static ECKey readDirectoryKey(Path file) throws IOException {
		if (!Files.isReadable(file)) {
			throw new IOException("no directory key at " + file.toAbsolutePath()
					+ " (the default run writes it at its first start; or pass --directory-key)");
		}
		try {
			JWK key = JWK.parse(Files.readString(file));
			if (!(key instanceof ECKey ec) || !ec.isPrivate()) {
				throw new IOException(file + " is not a private EC JWK");
			}
			return ec;
		}
		catch (ParseException ex) {
			throw new IOException(file + " is not a JWK", ex);
		}
	}

	/**
	 * The statement a directory would issue for this partner: RFC 7591 metadata plus the
	 * directory's claims.
	 */
	private static SignedJWT softwareStatement(ECKey directoryKey, ECKey clientKey) {
		Instant now = Instant.now();
		JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(DIRECTORY_ISSUER)
			.issueTime(Date.from(now))
			.expirationTime(Date.from(now.plusSeconds(3600)))
			.jwtID(UUID.randomUUID().toString())
			.claim("org_id", "org-bench")
			.claim("org_name", "Consentry Benchmark Ltd")
			.claim("client_name", "Consentry benchmark")
			.claim("redirect_uris", List.of(REDIRECT_URI.toString()))
			.claim("jwks", new JWKSet(clientKey.toPublicJWK()).toJSONObject())
			.claim("token_endpoint_auth_method", "private_key_jwt")
			.claim("grant_types", List.of("authorization_code", "refresh_token"))
			.claim("response_types", List.of("code"))
			.claim("scope", "openid")
			.build();
		SignedJWT statement = new SignedJWT(
				new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(directoryKey.getKeyID()).build(), claims);
		try {
			statement.sign(new ECDSASigner(directoryKey));
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
		return statement;
	}

}
