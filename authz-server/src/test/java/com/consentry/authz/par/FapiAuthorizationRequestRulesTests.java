package com.consentry.authz.par;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

import com.consentry.authz.par.AuthorizationRequestRefusedException.Reason;
import com.consentry.consent.ConsentLimits;
import com.consentry.consent.FdxAuthorizationDetails;
import com.consentry.registry.FapiClientSettings;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.endpoint.PkceParameterNames;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationContext;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * The authorization request rules (RFC 9126 at PAR, the same again at the authorization
 * endpoint) as a table without a server: each row breaks one rule of an otherwise good
 * request and says which rule must refuse it, and with which OAuth error code.
 */
class FapiAuthorizationRequestRulesTests {

	private static final String REDIRECT_URI = "https://partner.example/callback";

	private static final String JKT = "0ZcOCORZNYy-DWpqq30jZyJGHTN0d2HglBV3uiguA4I";

	private static final String DETAILS = """
			[{"type":"fdx_v1.0","consentRequest":{"durationType":"TIME_BOUND","durationPeriod":30,\
			"lookbackPeriod":90,"resources":[{"resourceType":"ACCOUNT",\
			"dataClusters":["ACCOUNT_DETAILED","TRANSACTIONS"]}]}}]""";

	private static final FdxAuthorizationDetails FDX = new FdxAuthorizationDetails(new ConsentLimits(365, 730, 90, 60));

	@Test
	@DisplayName("RFC9126 §2.1, FAPI2 SP §5.3.2.2: a request that keeps every rule passes")
	void acceptsAGoodRequest() {
		assertThatNoException().isThrownBy(() -> rules(false).accept(new Request().context()));
	}

	@Test
	@DisplayName("FAPI2 MS §5.4.1: plain query responses pass where the policy allows them and the client registered them")
	void plainResponsesWhereAllowed() {
		Request request = new Request();
		request.responseModes = "query jwt";
		request.additional.put(ParameterNames.RESPONSE_MODE, "query");
		assertThatNoException().isThrownBy(() -> rules(true).accept(request.context()));
	}

	static Stream<Arguments> refusals() {
		return Stream.of(
				row("RFC6749 §3.1.2.3 redirect_uri not registered", (r) -> r.redirectUri = "https://evil.example/cb",
						Reason.REDIRECT_URI_NOT_REGISTERED, "invalid_request"),
				row("RFC6749 §3.3 a scope the client did not register", (r) -> r.scopes.add("fdx:investments:read"),
						Reason.SCOPE_NOT_REGISTERED, "invalid_scope"),
				row("FAPI2 SP §5.3.2.2(6) no redirect_uri (one registered, no openid: Spring would allow it)", (r) -> {
					r.redirectUri = null;
					r.scopes.remove("openid");
				}, Reason.REDIRECT_URI_MISSING, "invalid_request"),
				row("FAPI2 SP §5.3.2.2(5) no code_challenge",
						(r) -> r.additional.remove(PkceParameterNames.CODE_CHALLENGE), Reason.PKCE_CHALLENGE_MISSING,
						"invalid_request"),
				row("FAPI2 SP §5.3.2.2(5) a blank code_challenge",
						(r) -> r.additional.put(PkceParameterNames.CODE_CHALLENGE, " "), Reason.PKCE_CHALLENGE_MISSING,
						"invalid_request"),
				row("FAPI2 SP §5.3.2.2(5) code_challenge_method plain",
						(r) -> r.additional.put(PkceParameterNames.CODE_CHALLENGE_METHOD, "plain"),
						Reason.PKCE_METHOD_NOT_S256, "invalid_request"),
				row("FAPI2 SP §5.3.2.2(5) no code_challenge_method (RFC 7636 would default to plain)",
						(r) -> r.additional.remove(PkceParameterNames.CODE_CHALLENGE_METHOD),
						Reason.PKCE_METHOD_NOT_S256, "invalid_request"),
				row("FAPI2 MS §5.4.1 plain query where JARM is required, though the client registered it", (r) -> {
					r.responseModes = "query jwt";
					r.additional.put(ParameterNames.RESPONSE_MODE, "query");
				}, Reason.RESPONSE_MODE_NOT_ALLOWED, "invalid_request"),
				row("FAPI2 MS §5.4.1 no response_mode means plain query, refused where JARM is required",
						(r) -> r.additional.remove(ParameterNames.RESPONSE_MODE), Reason.RESPONSE_MODE_NOT_ALLOWED,
						"invalid_request"),
				row("JARM §2.3 a mode no profile knows (fragment.jwt)",
						(r) -> r.additional.put(ParameterNames.RESPONSE_MODE, "fragment.jwt"),
						Reason.RESPONSE_MODE_NOT_ALLOWED, "invalid_request"),
				row("FAPI2 MS §5.3.3 query.jwt, which the client did not register",
						(r) -> r.additional.put(ParameterNames.RESPONSE_MODE, "query.jwt"),
						Reason.RESPONSE_MODE_NOT_REGISTERED, "invalid_request"),
				row("RFC9449 §10 no dpop_jkt and no proof", (r) -> r.additional.remove(ParameterNames.DPOP_JKT),
						Reason.DPOP_KEY_NOT_BOUND, "invalid_request"),
				row("RFC9449 §10 a dpop_jkt that is no SHA-256 thumbprint",
						(r) -> r.additional.put(ParameterNames.DPOP_JKT, JKT.substring(1)), Reason.DPOP_KEY_NOT_BOUND,
						"invalid_request"),
				row("RFC9396 §5 no authorization_details",
						(r) -> r.additional.remove(ParameterNames.AUTHORIZATION_DETAILS),
						Reason.AUTHORIZATION_DETAILS_MISSING, "invalid_authorization_details"),
				row("RFC9396 §5 authorization_details that are not JSON",
						(r) -> r.additional.put(ParameterNames.AUTHORIZATION_DETAILS, "[{"),
						Reason.AUTHORIZATION_DETAILS_INVALID, "invalid_authorization_details"),
				row("RFC9396 §5 a duration beyond the bank's limit",
						(r) -> r.additional.put(ParameterNames.AUTHORIZATION_DETAILS,
								DETAILS.replace("\"durationPeriod\":30", "\"durationPeriod\":400")),
						Reason.AUTHORIZATION_DETAILS_INVALID, "invalid_authorization_details"),
				row("OIDC Core §3.1.2.1 a scope without openid", (r) -> r.scopes.remove("openid"),
						Reason.OPENID_SCOPE_MISSING, "invalid_scope"),
				row("FDX a scope for a data cluster the details do not request",
						(r) -> r.scopes.add("fdx:statements:read"), Reason.SCOPE_DISAGREES_WITH_DETAILS,
						"invalid_scope"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("refusals")
	@DisplayName("RFC9126 §2.1, FAPI2 SP §5.3.2.2: each broken rule is refused for its own reason")
	void refusesForTheRightReason(String why, Consumer<Request> change, Reason reason, String errorCode) {
		Request request = new Request();
		change.accept(request);
		assertThatExceptionOfType(AuthorizationRequestRefusedException.class)
			.isThrownBy(() -> rules(false).accept(request.context()))
			.satisfies((refused) -> {
				assertThat(refused.reason()).isEqualTo(reason);
				assertThat(refused.getError().getErrorCode()).isEqualTo(errorCode);
			});
	}

	@Test
	@DisplayName("RFC6749 §4.1.2.1: a refused redirect_uri is never redirected to")
	void refusedRedirectUriIsNotRedirectedTo() {
		Request request = new Request();
		request.redirectUri = "https://evil.example/cb";
		assertThatExceptionOfType(AuthorizationRequestRefusedException.class)
			.isThrownBy(() -> rules(false).accept(request.context()))
			.satisfies((refused) -> assertThat(refused.getAuthorizationCodeRequestAuthentication().getRedirectUri())
				.isNull());
	}

	@Test
	@DisplayName("RFC6749 §5.2: a client-sent value quoted in a refusal keeps to §5.2's character set and a bounded length")
	void echoedValuesAreSafe() {
		Request request = new Request();
		request.additional.put(ParameterNames.RESPONSE_MODE, "jwt\"\n" + "x".repeat(1000));
		assertThatExceptionOfType(AuthorizationRequestRefusedException.class)
			.isThrownBy(() -> rules(false).accept(request.context()))
			.satisfies((refused) -> assertThat(refused.getError().getDescription()).startsWith("response_mode jwt??xxx")
				.hasSizeLessThan(210)
				.doesNotContain("\"", "\n"));
	}

	@Test
	@DisplayName("RFC6749 §5.2: a hostile authorization_details type echoed in the refusal is cut to safe ASCII and a bounded length")
	void echoedDetailsAreSafe() {
		String hostile = "\\\"</script>\u00e9" + "x".repeat(500);
		Request request = new Request();
		request.additional.put(ParameterNames.AUTHORIZATION_DETAILS,
				"[{\"type\":\"" + hostile.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}]");
		assertThatExceptionOfType(AuthorizationRequestRefusedException.class)
			.isThrownBy(() -> rules(false).accept(request.context()))
			.satisfies((refused) -> {
				assertThat(refused.reason()).isEqualTo(Reason.AUTHORIZATION_DETAILS_INVALID);
				assertThat(refused.getError().getDescription()).matches("[\\x20\\x21\\x23-\\x5B\\x5D-\\x7E]+")
					.hasSizeLessThanOrEqualTo(203);
			});
	}

	private static FapiAuthorizationRequestRules rules(boolean plainResponsesAllowed) {
		return new FapiAuthorizationRequestRules(FDX, plainResponsesAllowed);
	}

	private static Arguments row(String why, Consumer<Request> change, Reason reason, String errorCode) {
		return Arguments.of(why, change, reason, errorCode);
	}

	/** A good pushed request by a client registered for it; each row spoils one part. */
	static final class Request {

		@Nullable String redirectUri = REDIRECT_URI;

		final Set<String> scopes = new LinkedHashSet<>(Set.of("openid", "fdx:accountdetailed:read"));

		final Map<String, Object> additional = new HashMap<>(
				Map.of(PkceParameterNames.CODE_CHALLENGE, "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM",
						PkceParameterNames.CODE_CHALLENGE_METHOD, "S256", ParameterNames.RESPONSE_MODE, "jwt",
						ParameterNames.DPOP_JKT, JKT, ParameterNames.AUTHORIZATION_DETAILS, DETAILS));

		String responseModes = "jwt";

		OAuth2AuthorizationCodeRequestAuthenticationContext context() {
			RegisteredClient client = RegisteredClient.withId("client-1")
				.clientId("partner")
				.clientAuthenticationMethod(ClientAuthenticationMethod.PRIVATE_KEY_JWT)
				.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
				.redirectUri(REDIRECT_URI)
				.scopes((registered) -> registered.addAll(
						Set.of("openid", "fdx:accountdetailed:read", "fdx:transactions:read", "fdx:statements:read")))
				.clientSettings(
						ClientSettings.builder().setting(FapiClientSettings.RESPONSE_MODES, this.responseModes).build())
				.build();
			OAuth2ClientAuthenticationToken principal = new OAuth2ClientAuthenticationToken(client,
					ClientAuthenticationMethod.PRIVATE_KEY_JWT, null);
			OAuth2AuthorizationCodeRequestAuthenticationToken request = new OAuth2AuthorizationCodeRequestAuthenticationToken(
					"https://bank.example/oauth2/par", client.getClientId(), principal, this.redirectUri, "state",
					this.scopes, this.additional);
			return OAuth2AuthorizationCodeRequestAuthenticationContext.with(request).registeredClient(client).build();
		}

	}

}
