package com.consentry.registry.internal;

/**
 * Wire names of the registration request and response members.
 *
 * @see <a href="https://datatracker.ietf.org/doc/html/rfc7591#section-2">RFC 7591 §2</a>
 * @see <a href="https://datatracker.ietf.org/doc/html/rfc7591#section-3.2.1">RFC 7591
 * §3.2.1</a>
 * @see <a href="https://datatracker.ietf.org/doc/html/rfc7592#section-3">RFC 7592 §3</a>
 */
final class MetadataNames {

	static final String REDIRECT_URIS = "redirect_uris";

	static final String TOKEN_ENDPOINT_AUTH_METHOD = "token_endpoint_auth_method";

	static final String TOKEN_ENDPOINT_AUTH_SIGNING_ALG = "token_endpoint_auth_signing_alg";

	static final String GRANT_TYPES = "grant_types";

	static final String RESPONSE_TYPES = "response_types";

	static final String CLIENT_NAME = "client_name";

	static final String CLIENT_URI = "client_uri";

	static final String LOGO_URI = "logo_uri";

	static final String SCOPE = "scope";

	static final String CONTACTS = "contacts";

	static final String TOS_URI = "tos_uri";

	static final String POLICY_URI = "policy_uri";

	static final String JWKS_URI = "jwks_uri";

	static final String JWKS = "jwks";

	static final String SOFTWARE_ID = "software_id";

	static final String SOFTWARE_VERSION = "software_version";

	static final String SOFTWARE_STATEMENT = "software_statement";

	/** RFC 9449 §5.2. */
	static final String DPOP_BOUND_ACCESS_TOKENS = "dpop_bound_access_tokens";

	/** RFC 8705 §3.4. */
	static final String TLS_CLIENT_CERTIFICATE_BOUND_ACCESS_TOKENS = "tls_client_certificate_bound_access_tokens";

	/** RFC 8705 §2.1.2: the expected subject distinguished name (RFC 4514). */
	static final String TLS_CLIENT_AUTH_SUBJECT_DN = "tls_client_auth_subject_dn";

	/** RFC 8705 §2.1.2: an expected dNSName SAN entry. */
	static final String TLS_CLIENT_AUTH_SAN_DNS = "tls_client_auth_san_dns";

	/** RFC 8705 §2.1.2: an expected uniformResourceIdentifier SAN entry. */
	static final String TLS_CLIENT_AUTH_SAN_URI = "tls_client_auth_san_uri";

	/** RFC 8705 §2.1.2: an expected iPAddress SAN entry. */
	static final String TLS_CLIENT_AUTH_SAN_IP = "tls_client_auth_san_ip";

	/** RFC 8705 §2.1.2: an expected rfc822Name SAN entry. */
	static final String TLS_CLIENT_AUTH_SAN_EMAIL = "tls_client_auth_san_email";

	/** JARM §3. */
	static final String AUTHORIZATION_SIGNED_RESPONSE_ALG = "authorization_signed_response_alg";

	/** FAPI 2.0 Message Signing §5.3.3. */
	static final String RESPONSE_MODES = "response_modes";

	/**
	 * Where the partner takes signed consent events (revocations it did not make), as
	 * open-banking directories and FDX event notifications name a recipient's callback.
	 */
	static final String NOTIFICATION_URI = "notification_uri";

	/**
	 * Open-banking directories (UK, Brazil): the statement's name for {@code jwks_uri}.
	 */
	static final String SOFTWARE_JWKS_ENDPOINT = "software_jwks_endpoint";

	/** Open-banking directories: the statement's name for {@code redirect_uris}. */
	static final String SOFTWARE_REDIRECT_URIS = "software_redirect_uris";

	/** Open-banking directories: the statement's name for {@code client_name}. */
	static final String SOFTWARE_CLIENT_NAME = "software_client_name";

	static final String ORG_ID = "org_id";

	static final String ORG_NAME = "org_name";

	static final String STATUS = "status";

	static final String CLIENT_ID = "client_id";

	static final String CLIENT_ID_ISSUED_AT = "client_id_issued_at";

	static final String CLIENT_SECRET = "client_secret";

	static final String CLIENT_SECRET_EXPIRES_AT = "client_secret_expires_at";

	static final String REGISTRATION_ACCESS_TOKEN = "registration_access_token";

	static final String REGISTRATION_CLIENT_URI = "registration_client_uri";

	static final String ERROR = "error";

	static final String ERROR_DESCRIPTION = "error_description";

	private MetadataNames() {
	}

}
