package com.consentry.registry.internal;

import static com.consentry.registry.internal.MetadataNames.AUTHORIZATION_SIGNED_RESPONSE_ALG;
import static com.consentry.registry.internal.MetadataNames.CLIENT_NAME;
import static com.consentry.registry.internal.MetadataNames.CLIENT_URI;
import static com.consentry.registry.internal.MetadataNames.CONTACTS;
import static com.consentry.registry.internal.MetadataNames.DPOP_BOUND_ACCESS_TOKENS;
import static com.consentry.registry.internal.MetadataNames.GRANT_TYPES;
import static com.consentry.registry.internal.MetadataNames.JWKS;
import static com.consentry.registry.internal.MetadataNames.JWKS_URI;
import static com.consentry.registry.internal.MetadataNames.LOGO_URI;
import static com.consentry.registry.internal.MetadataNames.NOTIFICATION_URI;
import static com.consentry.registry.internal.MetadataNames.POLICY_URI;
import static com.consentry.registry.internal.MetadataNames.REDIRECT_URIS;
import static com.consentry.registry.internal.MetadataNames.RESPONSE_MODES;
import static com.consentry.registry.internal.MetadataNames.RESPONSE_TYPES;
import static com.consentry.registry.internal.MetadataNames.SCOPE;
import static com.consentry.registry.internal.MetadataNames.SOFTWARE_CLIENT_NAME;
import static com.consentry.registry.internal.MetadataNames.SOFTWARE_ID;
import static com.consentry.registry.internal.MetadataNames.SOFTWARE_JWKS_ENDPOINT;
import static com.consentry.registry.internal.MetadataNames.SOFTWARE_REDIRECT_URIS;
import static com.consentry.registry.internal.MetadataNames.SOFTWARE_VERSION;
import static com.consentry.registry.internal.MetadataNames.TOKEN_ENDPOINT_AUTH_METHOD;
import static com.consentry.registry.internal.MetadataNames.TLS_CLIENT_AUTH_SAN_DNS;
import static com.consentry.registry.internal.MetadataNames.TLS_CLIENT_AUTH_SAN_EMAIL;
import static com.consentry.registry.internal.MetadataNames.TLS_CLIENT_AUTH_SAN_IP;
import static com.consentry.registry.internal.MetadataNames.TLS_CLIENT_AUTH_SAN_URI;
import static com.consentry.registry.internal.MetadataNames.TLS_CLIENT_AUTH_SUBJECT_DN;
import static com.consentry.registry.internal.MetadataNames.TLS_CLIENT_CERTIFICATE_BOUND_ACCESS_TOKENS;
import static com.consentry.registry.internal.MetadataNames.TOKEN_ENDPOINT_AUTH_SIGNING_ALG;
import static com.consentry.registry.internal.MetadataNames.TOS_URI;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

import com.consentry.registry.ClientCertificateName;
import com.consentry.registry.FapiPolicy;
import com.nimbusds.jose.jwk.JWKSet;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * The validated client metadata of one registration, held to RFC 7591 §2 and FAPI 2.0
 * (https redirects only, {@code private_key_jwt}, code flow, ES256/PS256,
 * sender-constrained tokens, signed responses). What decides who the client is and where
 * its codes and events go (keys, redirect URIs, authentication, grant and response types,
 * scope, response modes, the {@code notification_uri} the server POSTs to) comes from the
 * signed software statement only; the unsigned body may repeat those values but not
 * change them. For the rest the statement's values take precedence over the body's.
 *
 * @see <a href="https://datatracker.ietf.org/doc/html/rfc7591#section-2">RFC 7591 §2</a>
 * @see <a href="https://openid.net/specs/fapi-security-profile-2_0-final.html">FAPI 2.0
 * Security Profile</a>
 */
public record ClientMetadata(String clientName, List<String> redirectUris, List<String> grantTypes,
		String tokenEndpointAuthSigningAlg, @Nullable JWKSet jwks, @Nullable String jwksUri, List<String> scopes,
		String authorizationSignedResponseAlg, List<String> responseModes, @Nullable String softwareId,
		@Nullable String softwareVersion, @Nullable String logoUri, @Nullable String clientUri,
		@Nullable String policyUri, @Nullable String tosUri, List<String> contacts, @Nullable String notificationUri,
		String tokenEndpointAuthMethod, @Nullable ClientCertificateName certificateName) {

	/** FAPI 2.0 SP §5.3.2.1(6): client authentication with a signed assertion. */
	public static final String PRIVATE_KEY_JWT = "private_key_jwt";

	/**
	 * RFC 8705 §2.1: mTLS with a certificate of the directory's PKI, named at
	 * registration.
	 */
	public static final String TLS_CLIENT_AUTH = "tls_client_auth";

	/**
	 * RFC 8705 §2.2: mTLS with a self-signed certificate that the client's registered key
	 * set holds.
	 */
	public static final String SELF_SIGNED_TLS_CLIENT_AUTH = "self_signed_tls_client_auth";

	/** FAPI 2.0 SP §5.3.2.1(6): the only client authentication methods. */
	private static final List<String> AUTH_METHODS = List.of(PRIVATE_KEY_JWT, TLS_CLIENT_AUTH,
			SELF_SIGNED_TLS_CLIENT_AUTH);

	private static final List<String> CERTIFICATE_NAMES = List.of(TLS_CLIENT_AUTH_SUBJECT_DN, TLS_CLIENT_AUTH_SAN_DNS,
			TLS_CLIENT_AUTH_SAN_URI, TLS_CLIENT_AUTH_SAN_IP, TLS_CLIENT_AUTH_SAN_EMAIL);

	/** FAPI 2.0 SP §5.3.2.2(1). */
	public static final List<String> RESPONSE_TYPES_CODE = List.of("code");

	static final String AUTHORIZATION_CODE = "authorization_code";

	static final String REFRESH_TOKEN = "refresh_token";

	static final String OPENID = "openid";

	private static final List<String> DEFAULT_GRANT_TYPES = List.of(AUTHORIZATION_CODE, REFRESH_TOKEN);

	/**
	 * FAPI 2.0 SP §5.4.1(1), narrowed to what our partners' keys and our verifiers
	 * support.
	 */
	private static final Set<String> ALGORITHMS = Set.copyOf(FapiPolicy.SIGNING_ALGORITHMS);

	private static final String DEFAULT_ALGORITHM = "ES256";

	/**
	 * FAPI 2.0 Message Signing §5.3.3 with JARM §2.3: the signed modes a code-flow client
	 * may use.
	 */
	private static final Set<String> JARM_RESPONSE_MODES = Set.copyOf(FapiPolicy.JARM_RESPONSE_MODES);

	/** RFC 9207 plain responses, only where the bank's policy allows them. */
	private static final String PLAIN_RESPONSE_MODE = FapiPolicy.PLAIN_RESPONSE_MODE;

	/**
	 * RFC 7591 §2.3: members that only the signed statement may set. A body value is
	 * either the statement's own or refused, so that nobody but the directory chooses the
	 * client's keys and redirect URIs.
	 */
	static final List<String> STATEMENT_ONLY = List.of(JWKS, JWKS_URI, REDIRECT_URIS, TOKEN_ENDPOINT_AUTH_METHOD,
			TOKEN_ENDPOINT_AUTH_SIGNING_ALG, GRANT_TYPES, RESPONSE_TYPES, SCOPE, RESPONSE_MODES,
			AUTHORIZATION_SIGNED_RESPONSE_ALG, DPOP_BOUND_ACCESS_TOKENS, SOFTWARE_ID, NOTIFICATION_URI,
			TLS_CLIENT_CERTIFICATE_BOUND_ACCESS_TOKENS, TLS_CLIENT_AUTH_SUBJECT_DN, TLS_CLIENT_AUTH_SAN_DNS,
			TLS_CLIENT_AUTH_SAN_URI, TLS_CLIENT_AUTH_SAN_IP, TLS_CLIENT_AUTH_SAN_EMAIL);

	/**
	 * The names open-banking directories (UK, Brazil) give members, and the RFC 7591
	 * member each stands for.
	 */
	private static final Map<String, String> DIRECTORY_NAMES = Map.of(SOFTWARE_JWKS_ENDPOINT, JWKS_URI,
			SOFTWARE_REDIRECT_URIS, REDIRECT_URIS, SOFTWARE_CLIENT_NAME, CLIENT_NAME);

	private static final List<String> DEFAULT_RESPONSE_MODES = List.of(FapiPolicy.DEFAULT_RESPONSE_MODE);

	private static final Pattern FDX_SCOPE = Pattern.compile("fdx:[a-z0-9]+:read");

	private static final Set<String> OTHER_SCOPES = Set.of(OPENID, "offline_access");

	private static final int MAX_REDIRECT_URIS = 10;

	private static final int MAX_URI_LENGTH = 512;

	/**
	 * authz.oauth2_registered_client keeps redirect_uris and scopes comma-joined in
	 * varchar(1000).
	 */
	private static final int MAX_JOINED_LENGTH = 1000;

	private static final int MAX_NAME_LENGTH = 200;

	public ClientMetadata {
		Assert.hasText(clientName, "clientName cannot be empty");
		Assert.notEmpty(redirectUris, "redirectUris cannot be empty");
		Assert.notEmpty(grantTypes, "grantTypes cannot be empty");
		Assert.isTrue(ALGORITHMS.contains(tokenEndpointAuthSigningAlg), "unsupported tokenEndpointAuthSigningAlg");
		Assert.isTrue((jwks == null) != (jwksUri == null), "exactly one of jwks and jwksUri must be given");
		Assert.notEmpty(scopes, "scopes cannot be empty");
		Assert.isTrue(ALGORITHMS.contains(authorizationSignedResponseAlg),
				"unsupported authorizationSignedResponseAlg");
		Assert.notEmpty(responseModes, "responseModes cannot be empty");
		Assert.notNull(contacts, "contacts cannot be null");
		Assert.isTrue(AUTH_METHODS.contains(tokenEndpointAuthMethod), "unsupported tokenEndpointAuthMethod");
		Assert.isTrue(TLS_CLIENT_AUTH.equals(tokenEndpointAuthMethod) == (certificateName != null),
				"a certificate name goes with tls_client_auth, and only with it");
		redirectUris = List.copyOf(redirectUris);
		grantTypes = List.copyOf(grantTypes);
		scopes = List.copyOf(scopes);
		responseModes = List.copyOf(responseModes);
		contacts = List.copyOf(contacts);
	}

	/**
	 * Validates a registration's metadata (RFC 7591 §3.1.1). The members of
	 * {@link #STATEMENT_ONLY} come from the statement, which must carry the client name,
	 * the redirect URIs, the keys and the scope; a body value of one of them that differs
	 * from the statement's is refused. For other members the statement's values win over
	 * the body's (a body {@code client_name} is ignored). Directory names
	 * ({@code software_jwks_endpoint}, {@code software_redirect_uris},
	 * {@code software_client_name}) stand for their RFC 7591 members. Members this server
	 * does not know are ignored (RFC 7591 §2).
	 * @param body the request body's members
	 * @param statementClaims the verified software statement's claims
	 * @param plainResponsesAllowed whether the bank's policy lets partners register plain
	 * {@code query} responses; otherwise JARM is required
	 * @throws RegistrationException {@code invalid_software_statement} when the statement
	 * lacks a required member or names one twice with different values;
	 * {@code invalid_client_metadata} when the body changes a statement-only member;
	 * {@code invalid_redirect_uri} or {@code invalid_client_metadata} when a value breaks
	 * a rule
	 */
	public static ClientMetadata from(Map<String, Object> body, Map<String, Object> statementClaims,
			boolean plainResponsesAllowed) {
		Assert.notNull(body, "body cannot be null");
		Assert.notNull(statementClaims, "statementClaims cannot be null");
		Map<String, Object> statement = withRfcNames(statementClaims, RegistrationError.INVALID_SOFTWARE_STATEMENT);
		Map<String, Object> request = withRfcNames(body, RegistrationError.INVALID_CLIENT_METADATA);
		// client_name too: the consent page shows it to the customer, so the directory
		// must vouch for it.
		for (String required : List.of(CLIENT_NAME, REDIRECT_URIS, SCOPE)) {
			if (statement.get(required) == null) {
				throw new RegistrationException(RegistrationError.INVALID_SOFTWARE_STATEMENT,
						"software_statement lacks " + required);
			}
		}
		if (statement.get(JWKS) == null && statement.get(JWKS_URI) == null) {
			throw new RegistrationException(RegistrationError.INVALID_SOFTWARE_STATEMENT,
					"software_statement lacks jwks or jwks_uri");
		}
		for (String name : STATEMENT_ONLY) {
			Object requested = request.get(name);
			if (requested != null && !sameValue(name, requested, statement.get(name))) {
				throw new RegistrationException(RegistrationError.INVALID_CLIENT_METADATA,
						name + " differs from the software statement's, which alone may set it");
			}
		}
		Map<String, Object> merged = new LinkedHashMap<>(request);
		merged.keySet().removeAll(STATEMENT_ONLY);
		statement.forEach((name, value) -> {
			if (value != null) {
				merged.put(name, value);
			}
		});
		return from(merged, plainResponsesAllowed);
	}

	/**
	 * Validates one set of client metadata members.
	 * @param plainResponsesAllowed whether plain {@code query} responses may be
	 * registered
	 * @throws RegistrationException {@code invalid_redirect_uri} or
	 * {@code invalid_client_metadata}
	 */
	static ClientMetadata from(Map<String, Object> members, boolean plainResponsesAllowed) {
		JsonMembers metadata = new JsonMembers(members, RegistrationError.INVALID_CLIENT_METADATA);
		List<String> redirectUris = redirectUris(new JsonMembers(members, RegistrationError.INVALID_REDIRECT_URI));
		String authMethod = metadata.string(TOKEN_ENDPOINT_AUTH_METHOD, 100).orElse(PRIVATE_KEY_JWT);
		if (!AUTH_METHODS.contains(authMethod)) {
			// FAPI 2.0 SP §5.3.2.1(6): client authentication by private_key_jwt or mTLS
			// only.
			throw metadata.refused(
					"token_endpoint_auth_method must be private_key_jwt, tls_client_auth or self_signed_tls_client_auth");
		}
		ClientCertificateName certificateName = certificateName(metadata, authMethod);
		boolean mtls = !PRIVATE_KEY_JWT.equals(authMethod);
		List<String> grantTypes = metadata.strings(GRANT_TYPES, 2, 100).orElse(DEFAULT_GRANT_TYPES);
		if (!DEFAULT_GRANT_TYPES.containsAll(grantTypes) || !grantTypes.contains(AUTHORIZATION_CODE)) {
			// FAPI 2.0 SP §5.3.2.1(2) and §5.3.2.2(1): the code flow, with refresh tokens
			// at most.
			throw metadata.refused("grant_types must be authorization_code, optionally with refresh_token");
		}
		List<String> responseTypes = metadata.strings(RESPONSE_TYPES, 1, 100).orElse(RESPONSE_TYPES_CODE);
		if (!RESPONSE_TYPES_CODE.equals(responseTypes)) {
			throw metadata.refused("response_types must be [\"code\"]");
		}
		String signingAlg = algorithm(metadata, TOKEN_ENDPOINT_AUTH_SIGNING_ALG);
		if (metadata.has(JWKS) == metadata.has(JWKS_URI)) {
			// RFC 7591 §2: jwks_uri and jwks MUST NOT both be present; we need one to
			// check private_key_jwt.
			throw metadata.refused("exactly one of jwks and jwks_uri is required");
		}
		JWKSet jwks = metadata.object(JWKS).map((set) -> ClientKeys.publicKeys(set, signingAlg)).orElse(null);
		String jwksUri = metadata.string(JWKS_URI, MAX_URI_LENGTH)
			.map((uri) -> https(metadata, JWKS_URI, uri))
			.orElse(null);
		if (SELF_SIGNED_TLS_CLIENT_AUTH.equals(authMethod) && jwks != null
				&& jwks.getKeys().stream().noneMatch((key) -> key.getX509CertChain() != null)) {
			// RFC 8705 §2.2: the self-signed certificate is registered as x5c of a key
			throw metadata.refused("self_signed_tls_client_auth needs a key with its certificate (x5c) in jwks");
		}
		// FAPI 2.0 SP §5.3.2.1(4): only sender-constrained access tokens; a partner's are
		// bound to its DPoP key, or to its certificate when it authenticates with mTLS
		// (RFC 8705 §3), one or the other by registration.
		if (metadata.bool(DPOP_BOUND_ACCESS_TOKENS).orElse(!mtls) == mtls) {
			throw metadata.refused(mtls ? "dpop_bound_access_tokens must be false for mTLS clients"
					: "dpop_bound_access_tokens must be true");
		}
		if (metadata.bool(TLS_CLIENT_CERTIFICATE_BOUND_ACCESS_TOKENS).orElse(mtls) != mtls) {
			throw metadata.refused(mtls ? "tls_client_certificate_bound_access_tokens must be true for mTLS clients"
					: "tls_client_certificate_bound_access_tokens is for clients that authenticate with mTLS");
		}
		List<String> responseModes = metadata.strings(RESPONSE_MODES, 3, 20).orElse(DEFAULT_RESPONSE_MODES);
		for (String mode : responseModes) {
			// FAPI 2.0 MS §5.4.1: JARM is required unless the bank's policy allows plain
			// responses.
			if (!JARM_RESPONSE_MODES.contains(mode) && !(plainResponsesAllowed && PLAIN_RESPONSE_MODE.equals(mode))) {
				throw metadata.refused(plainResponsesAllowed ? "response_modes may hold only jwt, query.jwt and query"
						: "response_modes may hold only jwt and query.jwt: signed responses (JARM) are required");
			}
		}
		return new ClientMetadata(
				metadata.string(CLIENT_NAME, MAX_NAME_LENGTH)
					.orElseThrow(() -> metadata.refused("client_name is required")),
				redirectUris, grantTypes, signingAlg, jwks, jwksUri, scopes(metadata),
				algorithm(metadata, AUTHORIZATION_SIGNED_RESPONSE_ALG), responseModes,
				metadata.string(SOFTWARE_ID, MAX_NAME_LENGTH).orElse(null),
				metadata.string(SOFTWARE_VERSION, 100).orElse(null), optionalHttps(metadata, LOGO_URI),
				optionalHttps(metadata, CLIENT_URI), optionalHttps(metadata, POLICY_URI),
				optionalHttps(metadata, TOS_URI), metadata.strings(CONTACTS, 10, 320).orElse(List.of()),
				optionalHttps(metadata, NOTIFICATION_URI), authMethod, certificateName);
	}

	/**
	 * RFC 8705 §2.1.2: a {@code tls_client_auth} client registers exactly one name its
	 * certificate must carry; other clients none.
	 */
	private static @Nullable ClientCertificateName certificateName(JsonMembers metadata, String authMethod) {
		List<String> given = CERTIFICATE_NAMES.stream().filter(metadata::has).toList();
		if (!TLS_CLIENT_AUTH.equals(authMethod)) {
			if (!given.isEmpty()) {
				throw metadata.refused(given.get(0) + " is for tls_client_auth clients only");
			}
			return null;
		}
		if (given.size() != 1) {
			throw metadata.refused("tls_client_auth needs exactly one of " + String.join(", ", CERTIFICATE_NAMES));
		}
		String member = given.get(0);
		String value = metadata.string(member, MAX_URI_LENGTH)
			.orElseThrow(() -> metadata.refused(member + " must be a string"));
		try {
			return new ClientCertificateName(ClientCertificateName.Kind.ofMember(member).orElseThrow(), value);
		}
		catch (IllegalArgumentException ex) {
			throw metadata.refused(member + " is not a valid name of its kind");
		}
	}

	/** Whether the client's tokens are bound to its TLS client certificate. */
	public boolean certificateBoundAccessTokens() {
		return !PRIVATE_KEY_JWT.equals(this.tokenEndpointAuthMethod);
	}

	/**
	 * The members with directory names replaced by their RFC 7591 ones.
	 * @throws RegistrationException {@code error} when both names are given with
	 * different values
	 */
	private static Map<String, Object> withRfcNames(Map<String, Object> members, RegistrationError error) {
		Map<String, Object> renamed = new LinkedHashMap<>(members);
		DIRECTORY_NAMES.forEach((directoryName, rfcName) -> {
			Object value = renamed.remove(directoryName);
			if (value == null) {
				return;
			}
			Object rfcValue = renamed.get(rfcName);
			if (rfcValue != null && !sameValue(rfcName, value, rfcValue)) {
				throw new RegistrationException(error, directoryName + " and " + rfcName + " disagree");
			}
			renamed.put(rfcName, value);
		});
		return renamed;
	}

	/**
	 * Whether a body value says what the statement's says: arrays and the space-separated
	 * {@code scope} as sets, everything else (strings, booleans, the {@code jwks} object)
	 * as equal JSON.
	 */
	private static boolean sameValue(String name, Object value, @Nullable Object other) {
		if (other == null) {
			return false;
		}
		if (SCOPE.equals(name) && value instanceof String scope && other instanceof String otherScope) {
			return scopeSet(scope).equals(scopeSet(otherScope));
		}
		if (value instanceof List<?> list && other instanceof List<?> otherList) {
			return new HashSet<>(list).equals(new HashSet<>(otherList));
		}
		return Objects.equals(value, other);
	}

	private static Set<String> scopeSet(String scope) {
		return new HashSet<>(Arrays.asList(scope.trim().split(" +")));
	}

	/** The effective metadata in its RFC 7591 §3.2.1 JSON form. */
	public Map<String, Object> toJson() {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put(CLIENT_NAME, this.clientName);
		json.put(REDIRECT_URIS, this.redirectUris);
		json.put(GRANT_TYPES, this.grantTypes);
		json.put(RESPONSE_TYPES, RESPONSE_TYPES_CODE);
		json.put(TOKEN_ENDPOINT_AUTH_METHOD, this.tokenEndpointAuthMethod);
		if (this.certificateName != null) {
			json.put(this.certificateName.kind().member(), this.certificateName.value());
		}
		json.put(TOKEN_ENDPOINT_AUTH_SIGNING_ALG, this.tokenEndpointAuthSigningAlg);
		if (this.jwks != null) {
			json.put(JWKS, this.jwks.toJSONObject(true));
		}
		if (this.jwksUri != null) {
			json.put(JWKS_URI, this.jwksUri);
		}
		json.put(SCOPE, String.join(" ", this.scopes));
		json.put(DPOP_BOUND_ACCESS_TOKENS, !certificateBoundAccessTokens());
		if (certificateBoundAccessTokens()) {
			json.put(TLS_CLIENT_CERTIFICATE_BOUND_ACCESS_TOKENS, true);
		}
		json.put(AUTHORIZATION_SIGNED_RESPONSE_ALG, this.authorizationSignedResponseAlg);
		json.put(RESPONSE_MODES, this.responseModes);
		putIfPresent(json, SOFTWARE_ID, this.softwareId);
		putIfPresent(json, SOFTWARE_VERSION, this.softwareVersion);
		putIfPresent(json, LOGO_URI, this.logoUri);
		putIfPresent(json, CLIENT_URI, this.clientUri);
		putIfPresent(json, POLICY_URI, this.policyUri);
		putIfPresent(json, TOS_URI, this.tosUri);
		if (!this.contacts.isEmpty()) {
			json.put(CONTACTS, this.contacts);
		}
		putIfPresent(json, NOTIFICATION_URI, this.notificationUri);
		return json;
	}

	private static List<String> redirectUris(JsonMembers redirects) {
		List<String> uris = redirects.strings(REDIRECT_URIS, MAX_REDIRECT_URIS, MAX_URI_LENGTH)
			.orElseThrow(() -> redirects.refused("redirect_uris is required"));
		for (String uri : uris) {
			// FAPI 2.0 SP §5.3.2.2(8): no http redirect URIs (the loopback exception is
			// for native apps,
			// which are public clients we do not register); RFC 6749 §3.1.2: no fragment.
			https(redirects, REDIRECT_URIS, uri);
			if (uri.indexOf(',') >= 0) {
				// The URIs are stored comma-joined: a comma would split one registered
				// URI into two.
				throw redirects.refused("redirect_uris must not contain commas");
			}
		}
		if (String.join(",", uris).length() > MAX_JOINED_LENGTH) {
			throw redirects.refused("redirect_uris are too long together");
		}
		return uris;
	}

	private static List<String> scopes(JsonMembers metadata) {
		String scope = metadata.string(SCOPE, MAX_JOINED_LENGTH)
			.orElseThrow(() -> metadata.refused("scope is required and must contain openid"));
		List<String> scopes = new ArrayList<>();
		for (String value : scope.trim().split(" +")) {
			if (!OTHER_SCOPES.contains(value) && !FDX_SCOPE.matcher(value).matches()) {
				throw metadata.refused("scope may hold only openid, offline_access and fdx:<cluster>:read");
			}
			if (!scopes.contains(value)) {
				scopes.add(value);
			}
		}
		if (!scopes.contains(OPENID)) {
			throw metadata.refused("scope must contain openid");
		}
		return scopes;
	}

	private static String algorithm(JsonMembers metadata, String name) {
		String algorithm = metadata.string(name, 10).orElse(DEFAULT_ALGORITHM);
		if (!ALGORITHMS.contains(algorithm)) {
			// FAPI 2.0 SP §5.4.1(1).
			throw metadata.refused(name + " must be ES256 or PS256");
		}
		return algorithm;
	}

	private static @Nullable String optionalHttps(JsonMembers metadata, String name) {
		return metadata.string(name, MAX_URI_LENGTH).map((uri) -> https(metadata, name, uri)).orElse(null);
	}

	/** An absolute https URI with a host, no user info and no fragment. */
	private static String https(JsonMembers members, String name, String value) {
		URI uri;
		try {
			uri = new URI(value);
		}
		catch (URISyntaxException ex) {
			throw members.refused(name + " must hold absolute https URIs");
		}
		if (!"https".equals(uri.getScheme()) || uri.getHost() == null || uri.getRawUserInfo() != null) {
			throw members.refused(name + " must hold absolute https URIs");
		}
		if (uri.getRawFragment() != null) {
			throw members.refused(name + " must not contain a fragment");
		}
		return value;
	}

	private static void putIfPresent(Map<String, Object> json, String name, @Nullable Object value) {
		if (value != null) {
			json.put(name, value);
		}
	}

}
