package com.consentry.registry.internal;

import static com.consentry.registry.internal.TestSoftwareStatements.CLOCK;
import static com.consentry.registry.internal.TestSoftwareStatements.DIRECTORY;
import static com.consentry.registry.internal.TestSoftwareStatements.DIRECTORY_EC_KEY;
import static com.consentry.registry.internal.TestSoftwareStatements.NOW;
import static com.consentry.registry.internal.TestSoftwareStatements.ecKey;
import static com.consentry.registry.internal.TestSoftwareStatements.es256;
import static com.consentry.registry.internal.TestSoftwareStatements.ps256;
import static com.consentry.registry.internal.TestSoftwareStatements.sign;
import static com.consentry.registry.internal.TestSoftwareStatements.trustedKeys;
import static com.consentry.registry.internal.TestSoftwareStatements.validClaims;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Date;
import java.util.List;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import org.assertj.core.api.AbstractObjectAssert;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SoftwareStatementVerifierTests {

	private final SoftwareStatementVerifier verifier = new SoftwareStatementVerifier(trustedKeys(), null, CLOCK);

	@Test
	@DisplayName("RFC7591 §2.3: accepts an ES256 statement signed by a trusted directory key")
	void verifyWhenEs256SignedByDirectoryKeyThenReturnsClaims() {
		String jwt = es256(validClaims().build());

		SoftwareStatement statement = this.verifier.verify(jwt);

		assertThat(statement.issuer()).isEqualTo(DIRECTORY);
		assertThat(statement.orgId()).isEqualTo("org-123");
		assertThat(statement.orgName()).isEqualTo("Example Fintech Ltd");
		assertThat(statement.id()).isEqualTo("statement-1");
		assertThat(statement.expiresAt()).isEqualTo(NOW.plusSeconds(3600));
		assertThat(statement.claims()).containsEntry("client_name", "Budget App");
		assertThat(statement.serialized()).isEqualTo(jwt);
	}

	@Test
	@DisplayName("FAPI2 SP §5.4.1(1): accepts a PS256 statement signed by a trusted RSA directory key")
	void verifyWhenPs256SignedByDirectoryKeyThenReturnsClaims() {
		SoftwareStatement statement = this.verifier.verify(ps256(validClaims().build()));

		assertThat(statement.orgId()).isEqualTo("org-123");
	}

	@Test
	@DisplayName("RFC7591 §2.3: the same statement registers again (jti is not single-use)")
	void verifyWhenSameStatementTwiceThenAcceptsBoth() {
		String jwt = es256(validClaims().build());

		this.verifier.verify(jwt);

		assertThat(this.verifier.verify(jwt).id()).isEqualTo("statement-1");
	}

	@Test
	@DisplayName("FAPI2 SP §5.4.1(1), RFC8725 §3.1: refuses an unsigned (alg none) statement as unapproved")
	void verifyWhenAlgNoneThenUnapproved() {
		String json = "{\"alg\":\"none\",\"kid\":\"" + DIRECTORY_EC_KEY.getKeyID() + "\"}";
		String header = Base64URL.encode(json.getBytes(StandardCharsets.UTF_8)).toString();
		String payload = validClaims().build().toPayload().toBase64URL().toString();

		assertRefused(header + "." + payload + ".").isEqualTo(RegistrationError.UNAPPROVED_SOFTWARE_STATEMENT);
	}

	@Test
	@DisplayName("FAPI2 SP §5.4.1(1): refuses an HS256 statement even under a trusted kid")
	void verifyWhenHs256ThenUnapproved() throws JOSEException {
		byte[] secret = new byte[32];
		new SecureRandom().nextBytes(secret);
		String jwt = sign(new MACSigner(secret), JWSAlgorithm.HS256, DIRECTORY_EC_KEY.getKeyID(),
				validClaims().build());

		assertRefused(jwt).isEqualTo(RegistrationError.UNAPPROVED_SOFTWARE_STATEMENT);
	}

	@Test
	@DisplayName("RFC7591 §2.3: refuses a statement whose signature does not verify")
	void verifyWhenSignedByOtherKeyUnderTrustedKidThenInvalid() throws JOSEException {
		String jwt = sign(new ECDSASigner(ecKey("attacker")), JWSAlgorithm.ES256, DIRECTORY_EC_KEY.getKeyID(),
				validClaims().build());

		assertRefused(jwt).isEqualTo(RegistrationError.INVALID_SOFTWARE_STATEMENT);
	}

	@Test
	@DisplayName("RFC7591 §3.2.2: refuses a statement signed by an unknown key as unapproved")
	void verifyWhenUnknownKidThenUnapproved() throws JOSEException {
		String jwt = sign(new ECDSASigner(ecKey("unknown-directory")), JWSAlgorithm.ES256, "unknown-directory",
				validClaims().build());

		assertRefused(jwt).isEqualTo(RegistrationError.UNAPPROVED_SOFTWARE_STATEMENT);
	}

	@Test
	@DisplayName("RFC7591 §3.2.2: refuses every statement when no directory is configured")
	void verifyWhenNoDirectoryThenUnapproved() {
		SoftwareStatementVerifier unconfigured = new SoftwareStatementVerifier(new DirectoryKeys(null, CLOCK), null,
				CLOCK);

		assertThatExceptionOfType(RegistrationException.class)
			.isThrownBy(() -> unconfigured.verify(es256(validClaims().build())))
			.extracting(RegistrationException::error)
			.isEqualTo(RegistrationError.UNAPPROVED_SOFTWARE_STATEMENT);
	}

	@Test
	@DisplayName("RFC7519 §4.1.4: refuses an expired statement")
	void verifyWhenExpiredThenInvalid() {
		String jwt = es256(validClaims().issueTime(Date.from(NOW.minusSeconds(7200)))
			.expirationTime(Date.from(NOW.minusSeconds(3600)))
			.build());

		assertRefused(jwt).isEqualTo(RegistrationError.INVALID_SOFTWARE_STATEMENT);
	}

	@Test
	@DisplayName("FAPI2 SP §5.3.2.1(13): refuses a statement whose iat is 2 minutes in the future")
	void verifyWhenIssuedTwoMinutesAheadThenInvalid() {
		String jwt = es256(validClaims().issueTime(Date.from(NOW.plusSeconds(120))).build());

		assertRefused(jwt).isEqualTo(RegistrationError.INVALID_SOFTWARE_STATEMENT);
	}

	@Test
	@DisplayName("FAPI2 SP §5.3.2.1(13): refuses a statement whose iat is 11 s in the future (10 s of skew, as the spec matrix says)")
	void verifyWhenIssuedElevenSecondsAheadThenInvalid() {
		String jwt = es256(validClaims().issueTime(Date.from(NOW.plusSeconds(11))).build());

		assertRefused(jwt).isEqualTo(RegistrationError.INVALID_SOFTWARE_STATEMENT);
	}

	@Test
	@DisplayName("FAPI2 SP §5.3.2.1(13): accepts a statement whose iat is 10 s in the future (clock skew)")
	void verifyWhenIssuedTenSecondsAheadThenAccepted() {
		String jwt = es256(validClaims().issueTime(Date.from(NOW.plusSeconds(10))).build());

		assertThat(this.verifier.verify(jwt).issuedAt()).isEqualTo(NOW.plusSeconds(10));
	}

	@ParameterizedTest(name = "without {0}")
	@ValueSource(strings = { "iss", "iat", "exp", "jti", "org_id", "org_name" })
	@DisplayName("RFC7591 §2.3: refuses a statement that lacks a required claim")
	void verifyWhenClaimMissingThenInvalid(String claim) {
		JWTClaimsSet claims = validClaims().build();
		JWTClaimsSet.Builder without = new JWTClaimsSet.Builder();
		claims.getClaims().forEach((name, value) -> {
			if (!name.equals(claim)) {
				without.claim(name, value);
			}
		});

		assertRefused(es256(without.build())).isEqualTo(RegistrationError.INVALID_SOFTWARE_STATEMENT);
	}

	@Test
	@DisplayName("RFC7591 §2.3: refuses a statement from another issuer when the directory issuer is configured")
	void verifyWhenIssuerIsNotTheDirectoryThenInvalid() {
		SoftwareStatementVerifier strict = new SoftwareStatementVerifier(trustedKeys(), DIRECTORY, CLOCK);
		String jwt = es256(validClaims().issuer("https://other-directory.example").build());

		assertThatExceptionOfType(RegistrationException.class).isThrownBy(() -> strict.verify(jwt))
			.extracting(RegistrationException::error)
			.isEqualTo(RegistrationError.INVALID_SOFTWARE_STATEMENT);
		assertThat(strict.verify(es256(validClaims().build())).issuer()).isEqualTo(DIRECTORY);
	}

	@Test
	@DisplayName("RFC7591 §2.3: with several trusted directories a statement's iss picks the directory whose key must have signed it")
	void verifyWhenSeveralDirectoriesThenIssuerPicksKeys() throws Exception {
		String second = "https://second-directory.example.net";
		ECKey secondKey = ecKey("second-directory-1");
		JWKSet secondSet = new JWKSet(secondKey.toPublicJWK());
		SoftwareStatementVerifier verifier = new SoftwareStatementVerifier(
				new TrustedDirectories(List.of(new TrustedDirectories.TrustedDirectory(DIRECTORY, trustedKeys()),
						new TrustedDirectories.TrustedDirectory(second, new DirectoryKeys(() -> secondSet, CLOCK)))),
				CLOCK);
		JWTClaimsSet ofSecond = validClaims().issuer(second).build();

		assertThat(verifier.verify(es256(validClaims().build())).issuer()).isEqualTo(DIRECTORY);
		assertThat(verifier.verify(sign(new ECDSASigner(secondKey), JWSAlgorithm.ES256, secondKey.getKeyID(), ofSecond))
			.issuer()).isEqualTo(second);
		// The first directory's key does not vouch for statements claiming the second.
		assertThatExceptionOfType(RegistrationException.class).isThrownBy(() -> verifier.verify(es256(ofSecond)))
			.extracting(RegistrationException::error)
			.isEqualTo(RegistrationError.UNAPPROVED_SOFTWARE_STATEMENT);
		assertThatExceptionOfType(RegistrationException.class)
			.isThrownBy(() -> verifier.verify(es256(validClaims().issuer("https://unknown.example").build())))
			.extracting(RegistrationException::error)
			.isEqualTo(RegistrationError.INVALID_SOFTWARE_STATEMENT);
	}

	@Test
	@DisplayName("RFC7591 §3.2.2: refuses a statement that is not a JWT")
	void verifyWhenNotAJwtThenInvalid() {
		assertRefused("not-a-jwt").isEqualTo(RegistrationError.INVALID_SOFTWARE_STATEMENT);
	}

	private AbstractObjectAssert<?, RegistrationError> assertRefused(String jwt) {
		return assertThatExceptionOfType(RegistrationException.class).isThrownBy(() -> this.verifier.verify(jwt))
			.extracting(RegistrationException::error);
	}

}
