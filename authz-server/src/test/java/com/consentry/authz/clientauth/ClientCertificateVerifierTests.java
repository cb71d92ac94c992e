package com.consentry.authz.clientauth;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.consentry.authz.support.TestCertificates;
import com.consentry.authz.support.TestCertificates.Issued;
import com.consentry.registry.ClientCertificateAuthorities;
import com.consentry.registry.FapiClientSettings;
import com.consentry.registry.RateLimitTier;
import com.consentry.registry.RegistryProperties;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationContext;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ClientCertificateVerifierTests {

	private static final String NAME = "partner.test.consentry.example";

	private static final Issued DIRECTORY = TestCertificates.authority("Directory CA");

	@TempDir
	Path folder;

	@Test
	@DisplayName("RFC8705 §2.1, RFC5280 §4.2.1.12: a tls_client_auth certificate of the directory with the registered name is refused unless it may authenticate a TLS client (clientAuth)")
	void acceptWhenNotForClientAuthenticationThenInvalidClient() throws Exception {
		ClientCertificateVerifier verifier = verifier();
		Issued client = partner(DIRECTORY, KeyPurposeId.id_kp_clientAuth);
		Issued server = partner(DIRECTORY, KeyPurposeId.id_kp_serverAuth);
		Issued signing = partner(DIRECTORY, KeyPurposeId.id_kp_codeSigning);

		assertThatCode(() -> verifier.accept(context(client))).doesNotThrowAnyException();
		assertThatExceptionOfType(OAuth2AuthenticationException.class)
			.isThrownBy(() -> verifier.accept(context(server)))
			.satisfies((ex) -> assertInvalidClient(ex));
		assertThatExceptionOfType(OAuth2AuthenticationException.class)
			.isThrownBy(() -> verifier.accept(context(signing)))
			.satisfies((ex) -> assertInvalidClient(ex));
	}

	@Test
	@DisplayName("RFC8705 §2.1, RFC5280 §4.2.1.9: a chain through a certificate that is no certificate authority (an end entity of the directory) is refused")
	void acceptWhenIssuedByEndEntityThenInvalidClient() throws Exception {
		ClientCertificateVerifier verifier = verifier();
		Issued endEntity = partner(DIRECTORY, KeyPurposeId.id_kp_clientAuth);
		Issued below = TestCertificates.issued(endEntity, "CN=" + NAME + ",O=Fintech",
				new GeneralNames(new GeneralName(GeneralName.dNSName, NAME)), Instant.now().minus(Duration.ofHours(1)),
				Instant.now().plus(Duration.ofDays(1)), KeyPurposeId.id_kp_clientAuth);

		assertThatExceptionOfType(OAuth2AuthenticationException.class).isThrownBy(
				() -> verifier.accept(context(below.certificate(), endEntity.certificate(), DIRECTORY.certificate())))
			.satisfies((ex) -> assertInvalidClient(ex));
	}

	private static void assertInvalidClient(OAuth2AuthenticationException ex) {
		assertThat(ex.getError().getErrorCode()).isEqualTo("invalid_client");
		// the description never says which rule broke
		assertThat(ex.getError().getDescription()).isEqualTo("client authentication failed");
	}

	private ClientCertificateVerifier verifier() throws Exception {
		Path authorities = Files.writeString(this.folder.resolve("directory.pem"),
				TestCertificates.pem(DIRECTORY.certificate()));
		RegistryProperties properties = new RegistryProperties(
				new RegistryProperties.Directory("file:/nonexistent/jwks.json", null, null, Duration.ofMinutes(5),
						"file:" + authorities),
				List.of(), false, false, new RegistryProperties.JwksFetch(false, List.of(), 10, Duration.ZERO),
				new RegistryProperties.DefaultPolicy(List.of("ACCOUNT_BASIC"), 365, 730, RateLimitTier.STANDARD));
		return new ClientCertificateVerifier(ClientCertificateAuthorities.of(properties),
				new RemoteClientKeys(properties.jwksFetch()), Clock.systemUTC());
	}

	private static Issued partner(Issued authority, KeyPurposeId purpose) {
		return TestCertificates.issued(authority, "CN=" + NAME + ",O=Fintech",
				new GeneralNames(new GeneralName(GeneralName.dNSName, NAME)), Instant.now().minus(Duration.ofHours(1)),
				Instant.now().plus(Duration.ofDays(1)), purpose);
	}

	private static OAuth2ClientAuthenticationContext context(Issued certificate) {
		return context(certificate.certificate(), DIRECTORY.certificate());
	}

	private static OAuth2ClientAuthenticationContext context(X509Certificate... chain) {
		RegisteredClient client = RegisteredClient.withId("partner")
			.clientId("partner")
			.clientAuthenticationMethod(ClientAuthenticationMethod.TLS_CLIENT_AUTH)
			.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
			.redirectUri("https://fintech.example/callback")
			.clientSettings(ClientSettings.builder()
				.settings((settings) -> settings.putAll(Map.of(FapiClientSettings.TLS_CLIENT_AUTH_NAME_MEMBER,
						"tls_client_auth_san_dns", FapiClientSettings.TLS_CLIENT_AUTH_NAME, NAME)))
				.build())
			.build();
		OAuth2ClientAuthenticationToken authentication = new OAuth2ClientAuthenticationToken("partner",
				ClientAuthenticationMethod.TLS_CLIENT_AUTH, chain, null);
		return OAuth2ClientAuthenticationContext.with(authentication).registeredClient(client).build();
	}

}
