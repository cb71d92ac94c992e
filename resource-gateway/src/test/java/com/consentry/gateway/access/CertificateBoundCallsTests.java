package com.consentry.gateway.access;

import java.math.BigInteger;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.consentry.fapi.dpop.DpopNonces;
import com.consentry.fapi.dpop.DpopProofVerifier;
import com.consentry.gateway.fdx.FdxRefusal;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import jakarta.servlet.http.HttpServletRequestWrapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Certificate-bound access tokens at the gateway (RFC 8705 §3, FAPI 2.0 SP §5.3.4(5)):
 * tokens signed by an issuer key served from a real JWKS on loopback, client certificates
 * made with BouncyCastle, presented on the servlet request as the container hands them
 * over (or in a trusted proxy's header); every refusal is FDX 401 {@code 603}.
 */
class CertificateBoundCallsTests {

	private static final Instant NOW = Instant.now();

	private static final String ISSUER = "https://bank.example";

	private static final String AUDIENCE = "https://api.bank.example";

	private static final String HEADER = "X-Client-Certificate";

	private static final String PROXY = "10.0.0.7";

	private static final ECKey KEY = ecKey();

	private static final X509Certificate CERTIFICATE = selfSigned("CN=partner");

	private static final X509Certificate OTHER_CERTIFICATE = selfSigned("CN=partner");

	private JwksServer jwks;

	private MutableClock clock;

	@BeforeEach
	void setUp() throws Exception {
		this.jwks = new JwksServer(new JWKSet(KEY));
		this.clock = new MutableClock(NOW);
	}

	@AfterEach
	void tearDown() {
		this.jwks.close();
	}

	@Test
	@DisplayName("RFC 8705 §3: a certificate-bound token is accepted with the Bearer scheme over a call with its certificate")
	void acceptsTheBoundCertificate() {
		MockHttpServletRequest request = call(boundTo(CERTIFICATE));
		request.setAttribute("jakarta.servlet.request.X509Certificate", new X509Certificate[] { CERTIFICATE });

		PartnerCall call = calls(new ClientCertificateProperties(null, List.of())).authenticate(request);

		assertThat(call.token().x5t()).isEqualTo(ClientCertificates.thumbprint(CERTIFICATE));
		assertThat(call.token().jkt()).isNull();
		assertThat(call.proofJti()).isNull();
	}

	@Test
	@DisplayName("RFC 8705 §3: a certificate-bound token presented over a call with another certificate is refused with FDX 401 603")
	void refusesAnotherCertificate() {
		MockHttpServletRequest request = call(boundTo(CERTIFICATE));
		request.setAttribute("jakarta.servlet.request.X509Certificate", new X509Certificate[] { OTHER_CERTIFICATE });

		assertRefused(calls(new ClientCertificateProperties(null, List.of())), request, "certificate_mismatch");
	}

	@Test
	@DisplayName("RFC 8705 §3: a certificate-bound token presented without a client certificate is refused with FDX 401 603")
	void refusesNoCertificate() {
		assertRefused(calls(new ClientCertificateProperties(null, List.of())), call(boundTo(CERTIFICATE)),
				"no_client_certificate");
	}

	@Test
	@DisplayName("RFC 8705 §7.3: a certificate header is ignored when no trusted proxy is configured")
	void ignoresTheHeaderUnlessConfigured() {
		MockHttpServletRequest request = call(boundTo(CERTIFICATE));
		request.addHeader(HEADER, header(CERTIFICATE));
		request.setRemoteAddr(PROXY);

		assertRefused(calls(new ClientCertificateProperties(null, List.of())), request, "no_client_certificate");
	}

	@Test
	@DisplayName("RFC 8705 §7.3: a certificate header from an address that is not a trusted proxy is ignored")
	void ignoresTheHeaderFromOtherAddresses() {
		MockHttpServletRequest request = call(boundTo(CERTIFICATE));
		request.addHeader(HEADER, header(CERTIFICATE));
		request.setRemoteAddr("203.0.113.9");

		assertRefused(calls(new ClientCertificateProperties(HEADER, List.of(PROXY))), request, "no_client_certificate");
	}

	@Test
	@DisplayName("RFC 8705 §7.3: the configured header of a trusted TLS-terminating proxy carries the certificate: the bound one passes, another is refused")
	void readsTheHeaderOfTheTrustedProxy() {
		PartnerCalls calls = calls(new ClientCertificateProperties(HEADER, List.of(PROXY)));
		MockHttpServletRequest bound = call(boundTo(CERTIFICATE));
		bound.addHeader(HEADER, header(CERTIFICATE));
		bound.setRemoteAddr(PROXY);
		MockHttpServletRequest other = call(boundTo(CERTIFICATE));
		other.addHeader(HEADER, header(OTHER_CERTIFICATE));
		other.setRemoteAddr(PROXY);

		assertThat(calls.authenticate(bound).token().clientId()).isEqualTo("partner-1");
		assertRefused(calls, other, "certificate_mismatch");
	}

	@Test
	@DisplayName("RFC 8705 §7.3: a trusted proxy's address taken from X-Forwarded-For or Forwarded (Spring's filter, Tomcat's valve) does not make the certificate header trusted")
	void ignoresTheHeaderWhenTheProxyAddressIsForwarded() {
		PartnerCalls calls = calls(new ClientCertificateProperties(HEADER, List.of(PROXY)));
		MockHttpServletRequest connection = call(boundTo(CERTIFICATE));
		connection.addHeader(HEADER, header(CERTIFICATE));
		connection.addHeader("X-Forwarded-For", PROXY);
		connection.setRemoteAddr("203.0.113.9");
		// what ForwardedHeaderFilter hands on: the address of the header, not the peer's
		HttpServletRequestWrapper filtered = new HttpServletRequestWrapper(connection) {
			@Override
			public String getRemoteAddr() {
				return PROXY;
			}
		};
		MockHttpServletRequest valved = call(boundTo(CERTIFICATE));
		valved.addHeader(HEADER, header(CERTIFICATE));
		valved.setRemoteAddr(PROXY);
		valved.setAttribute("org.apache.tomcat.request.forwarded", Boolean.TRUE);

		assertThatExceptionOfType(FdxRefusal.class).isThrownBy(() -> calls.authenticate(filtered))
			.satisfies((refusal) -> assertThat(refusal.reason()).isEqualTo("no_client_certificate"));
		assertRefused(calls, valved, "no_client_certificate");
	}

	@Test
	@DisplayName("RFC 9449 §7.2: a DPoP-bound token is not accepted as Bearer, even over a call with a client certificate")
	void refusesADpopTokenAsBearer() {
		MockHttpServletRequest request = call(token(Map.of("jkt", "0ZcOCORZNYy-DWpqq30jZyJGHTN0d2HglBV3uiguA4I")));
		request.setAttribute("jakarta.servlet.request.X509Certificate", new X509Certificate[] { CERTIFICATE });

		assertRefused(calls(new ClientCertificateProperties(null, List.of())), request, "not_dpop");
	}

	private PartnerCalls calls(ClientCertificateProperties properties) {
		AccessTokens tokens = new AccessTokens(new IssuerKeys(this.jwks.uri(), this.clock), ISSUER, AUDIENCE,
				this.clock, 100);
		DpopNonces nonces = new DpopNonces(new byte[32], Duration.ofMinutes(1), this.clock);
		DpopProofVerifier proofs = new DpopProofVerifier((jkt, jti, keepUntil) -> {
			throw new AssertionError("a certificate-bound call has no DPoP proof to record");
		}, nonces, false, Duration.ofMinutes(1), this.clock);
		return new PartnerCalls(tokens, proofs, nonces, "https://api.bank.example", new ClientCertificates(properties));
	}

	private static void assertRefused(PartnerCalls calls, MockHttpServletRequest request, String reason) {
		assertThatExceptionOfType(FdxRefusal.class).isThrownBy(() -> calls.authenticate(request))
			.satisfies((refusal) -> {
				assertThat(refusal.status()).isEqualTo(HttpStatus.UNAUTHORIZED);
				assertThat(refusal.code()).isEqualTo("603");
				assertThat(refusal.reason()).isEqualTo(reason);
				if (reason.equals("certificate_mismatch") || reason.equals("no_client_certificate")) {
					// RFC 6750 §3: the token is presented as Bearer, so is the challenge
					assertThat(refusal.wwwAuthenticate()).isEqualTo("Bearer error=\"invalid_token\"");
				}
			});
	}

	private static MockHttpServletRequest call(String token) {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/fdx/v6/accounts");
		request.addHeader("Authorization", "Bearer " + token);
		return request;
	}

	private static String boundTo(X509Certificate certificate) {
		return token(Map.of("x5t#S256", ClientCertificates.thumbprint(certificate)));
	}

	private static String token(Map<String, Object> cnf) {
		try {
			SignedJWT jwt = new SignedJWT(
					new JWSHeader.Builder(JWSAlgorithm.ES256).type(new JOSEObjectType("at+jwt"))
						.keyID(KEY.getKeyID())
						.build(),
					new JWTClaimsSet.Builder().issuer(ISSUER)
						.audience(AUDIENCE)
						.subject("customer-1")
						.issueTime(Date.from(NOW))
						.expirationTime(Date.from(NOW.plus(Duration.ofMinutes(5))))
						.jwtID(UUID.randomUUID().toString())
						.claim("client_id", "partner-1")
						.claim("fdxConsentId", "consent-1")
						.claim("cnf", cnf)
						.build());
			jwt.sign(new ECDSASigner(KEY));
			return jwt.serialize();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The certificate as nginx's {@code $ssl_client_escaped_cert} passes it. */
	private static String header(X509Certificate certificate) {
		try {
			String pem = "-----BEGIN CERTIFICATE-----\n"
					+ Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
						.encodeToString(certificate.getEncoded())
					+ "\n-----END CERTIFICATE-----\n";
			return URLEncoder.encode(pem, StandardCharsets.UTF_8);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static ECKey ecKey() {
		try {
			return new ECKeyGenerator(Curve.P_256).keyID("issuer-" + UUID.randomUUID()).generate();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static X509Certificate selfSigned(String subject) {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
			generator.initialize(new ECGenParameterSpec("secp256r1"));
			KeyPair keys = generator.generateKeyPair();
			X500Name name = new X500Name(subject);
			return new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(name,
					BigInteger.valueOf(System.nanoTime()), Date.from(NOW.minus(Duration.ofHours(1))),
					Date.from(NOW.plus(Duration.ofDays(1))), name, keys.getPublic())
				.build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate())));
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
