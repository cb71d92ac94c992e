package com.consentry.authz;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The issuer identifier the server will run under.
 */
class IssuerIdentifierTests {

	@ParameterizedTest
	@ValueSource(strings = { "https://auth.bank.example", "https://bank.example/fapi", "http://localhost:9000",
			"http://127.0.0.1:9000" })
	@DisplayName("RFC8414 §2, FAPI2 SP §5.2.1: https issuers, and plain http on loopback, are accepted")
	void checkWhenHttpsOrLoopbackThenAccepted(String issuer) {
		assertThat(IssuerIdentifier.check(issuer)).isEqualTo(issuer);
	}

	@ParameterizedTest
	@ValueSource(strings = { "http://auth.bank.example", "https://auth.bank.example/?x=1",
			"https://auth.bank.example#f", "https://auth.bank.example/", "auth.bank.example", "ftp://localhost" })
	@DisplayName("RFC8414 §2, FAPI2 SP §5.2.1: fails because the issuer is not https (off loopback) or not a plain URL")
	void checkWhenNotAnAcceptableIssuerThenRefused(String issuer) {
		assertThatIllegalArgumentException().isThrownBy(() -> IssuerIdentifier.check(issuer));
	}

}
