package com.consentry.registry.internal;

import static com.consentry.registry.internal.MetadataNames.CLIENT_ID;
import static com.consentry.registry.internal.MetadataNames.CLIENT_ID_ISSUED_AT;
import static com.consentry.registry.internal.MetadataNames.CLIENT_SECRET;
import static com.consentry.registry.internal.MetadataNames.CLIENT_SECRET_EXPIRES_AT;
import static com.consentry.registry.internal.MetadataNames.ORG_ID;
import static com.consentry.registry.internal.MetadataNames.ORG_NAME;
import static com.consentry.registry.internal.MetadataNames.REGISTRATION_ACCESS_TOKEN;
import static com.consentry.registry.internal.MetadataNames.REGISTRATION_CLIENT_URI;
import static com.consentry.registry.internal.MetadataNames.SOFTWARE_STATEMENT;
import static com.consentry.registry.internal.MetadataNames.STATUS;

import java.net.URI;
import java.security.MessageDigest;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import com.consentry.registry.Partner;
import com.consentry.registry.PartnerDeleted;
import com.consentry.registry.PartnerRegistered;
import com.consentry.registry.PartnerStatus;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.util.JSONObjectUtils;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.util.Assert;

/**
 * Registers partners (RFC 7591 §3.1) and serves their registration management (RFC 7592
 * §2.1 read, §2.2 update, §2.3 delete). Everything is checked before anything is written,
 * and each change is one transaction over the partner row and its Spring Authorization
 * Server client, so a refused request changes nothing.
 *
 * @see SoftwareStatementVerifier
 * @see ClientMetadata
 */
public final class Registrations {

	/** RFC 6750 §2.1 b64token. */
	private static final Pattern BEARER = Pattern.compile("(?i)Bearer ([A-Za-z0-9\\-._~+/]+=*)");

	private static final int MAX_CLIENT_ID_LENGTH = 100;

	private static final Logger logger = LoggerFactory.getLogger(Registrations.class);

	private final SoftwareStatementVerifier statements;

	private final RegisteredClientRepository clients;

	private final PartnerStore partners;

	private final OrganisationStore organisations;

	private final TransactionOperations transactions;

	private final ApplicationEventPublisher events;

	private final String issuer;

	private final boolean autoApprove;

	private final boolean plainResponsesAllowed;

	private final Clock clock;

	public Registrations(SoftwareStatementVerifier statements, RegisteredClientRepository clients,
			PartnerStore partners, OrganisationStore organisations, TransactionOperations transactions,
			ApplicationEventPublisher events, String issuer, boolean autoApprove, boolean plainResponsesAllowed,
			Clock clock) {
		Assert.notNull(statements, "statements cannot be null");
		Assert.notNull(clients, "clients cannot be null");
		Assert.notNull(partners, "partners cannot be null");
		Assert.notNull(organisations, "organisations cannot be null");
		Assert.notNull(transactions, "transactions cannot be null");
		Assert.notNull(events, "events cannot be null");
		Assert.hasText(issuer, "issuer cannot be empty");
		Assert.notNull(clock, "clock cannot be null");
		this.statements = statements;
		this.clients = clients;
		this.partners = partners;
		this.organisations = organisations;
		this.transactions = transactions;
		this.events = events;
		this.issuer = issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
		this.autoApprove = autoApprove;
		this.plainResponsesAllowed = plainResponsesAllowed;
		this.clock = clock;
	}

	/**
	 * Registers a client from a request body: statement verified, metadata validated,
	 * then the client and the partner written together.
	 * @return the RFC 7591 §3.2.1 response members, with a new registration access token
	 * @throws RegistrationException when the registration is refused
	 */
	public Map<String, Object> register(byte[] body) {
		RegistrationRequest request = RegistrationRequest.parse(body);
		SoftwareStatement statement = this.statements.verify(request.softwareStatement());
		ClientMetadata metadata = ClientMetadata.from(request.members(), statement.claims(),
				this.plainResponsesAllowed);
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.SECONDS);
		String clientId = RegistrationCredentials.newClientId();
		String token = RegistrationCredentials.newRegistrationAccessToken();
		Map<String, Object> stored = metadataToStore(metadata, statement);
		RegisteredClient client = FapiRegisteredClients.of(metadata, UUID.randomUUID().toString(), clientId, now,
				statement.orgId(), statement.issuer());
		PartnerRegistration registration = this.transactions.execute((tx) -> {
			// A new client joins its organisation's standing; the lock keeps a concurrent
			// status change from leaving it behind.
			this.organisations.lock(statement.orgId());
			PartnerStatus status = this.organisations.status(statement.orgId())
				.orElse(this.autoApprove ? PartnerStatus.ACTIVE : PartnerStatus.PENDING);
			if (status == PartnerStatus.REVOKED) {
				throw new RegistrationException(RegistrationError.UNAPPROVED_SOFTWARE_STATEMENT,
						"the bank has revoked this organisation's access");
			}
			Partner partner = new Partner(clientId, statement.orgId(), statement.orgName(), metadata.clientName(),
					status);
			PartnerRegistration inserted = new PartnerRegistration(partner, metadata.softwareId(), statement.issuer(),
					RegistrationCredentials.sha256(token), JSONObjectUtils.toJSONString(stored), now, now);
			this.clients.save(client);
			this.partners.insert(inserted);
			this.organisations.saveKeys(clientId, thumbprints(metadata), now);
			return inserted;
		});
		Assert.state(registration != null, "registration not written");
		logger.info("Registered client {} of organisation {} ({})", clientId, statement.orgId(),
				registration.partner().status());
		this.events.publishEvent(new PartnerRegistered(clientId, statement.orgId(), false));
		return response(registration, stored, token);
	}

	/**
	 * RFC 7592 §2.1: the client's current registration, without a new token.
	 * @throws RegistrationAccessDeniedException when the token is missing or wrong, or
	 * the client unknown
	 */
	public Map<String, Object> read(String clientId, @Nullable String authorization) {
		PartnerRegistration registration = authorize(clientId, authorization);
		return response(registration, storedMetadata(registration), null);
	}

	/**
	 * RFC 7592 §2.2: replaces the client's metadata with the request's, which must name
	 * the client and carry a software statement of the partner's own organisation (the
	 * same rules as at registration: keys, redirect URIs and the other security members
	 * come from the statement only). Omitted members are removed or take their defaults.
	 * The client keeps its {@code client_id}, issue time and partner status; its
	 * registration access token is replaced (RFC 7592 §2.2 allows it): the response
	 * carries the new one and the old one stops working with the commit. An update may
	 * not add a redirect URI on a host the client did not use before: that widens whom
	 * the bank sends codes to, which the bank approved per organisation, so it is refused
	 * ({@code invalid_redirect_uri}) and the partner registers new software instead. Keys
	 * may change freely: a set holding old and new keys keeps both valid, and every
	 * instance drops its cached client when the update commits.
	 * @param contentType the request's content type, checked only once the token was
	 * @return the RFC 7592 §3 client information response members, with the new
	 * registration access token
	 * @throws RegistrationAccessDeniedException when the token is missing or wrong, or
	 * the client unknown
	 * @throws RegistrationException when the update is refused
	 */
	public Map<String, Object> update(String clientId, @Nullable String authorization, @Nullable String contentType,
			byte[] body) {
		PartnerRegistration current = authorize(clientId, authorization);
		RegistrationRequest.requireJson(contentType);
		RegistrationRequest request = RegistrationRequest.parse(body);
		requireIssuedValuesUnchanged(request.members(), current);
		SoftwareStatement statement = this.statements.verify(request.softwareStatement());
		Partner partner = current.partner();
		if (!statement.orgId().equals(partner.orgId()) || !statement.issuer().equals(current.directoryIssuer())) {
			// An update cannot move the client to another organisation (of this or
			// another directory).
			throw new RegistrationException(RegistrationError.INVALID_SOFTWARE_STATEMENT,
					"software_statement is not for the client's organisation");
		}
		ClientMetadata metadata = ClientMetadata.from(request.members(), statement.claims(),
				this.plainResponsesAllowed);
		requireNoNewRedirectHost(metadata, current);
		Map<String, Object> stored = metadataToStore(metadata, statement);
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.SECONDS);
		String token = RegistrationCredentials.newRegistrationAccessToken();
		PartnerRegistration updated = new PartnerRegistration(
				new Partner(clientId, partner.orgId(), statement.orgName(), metadata.clientName(), partner.status()),
				metadata.softwareId(), current.directoryIssuer(), RegistrationCredentials.sha256(token),
				JSONObjectUtils.toJSONString(stored), current.createdAt(), now);
		boolean written = Boolean.TRUE.equals(this.transactions.execute((tx) -> {
			RegisteredClient existing = this.clients.findByClientId(clientId);
			// Both conditional: a client deleted (or re-tokened) since authorize() is not
			// written back.
			if (existing == null || !this.partners.update(updated, current.registrationAccessTokenHash())) {
				return false;
			}
			this.organisations.saveKeys(clientId, thumbprints(metadata), now);
			Instant issuedAt = existing.getClientIdIssuedAt();
			this.clients.save(FapiRegisteredClients.of(metadata, existing.getId(), clientId,
					(issuedAt != null) ? issuedAt : current.createdAt(), partner.orgId(), current.directoryIssuer()));
			return true;
		}));
		if (!written) {
			throw new RegistrationAccessDeniedException();
		}
		logger.info("Updated client {} of organisation {}", clientId, partner.orgId());
		this.events.publishEvent(new PartnerRegistered(clientId, partner.orgId(), true));
		return response(updated, stored, token);
	}

	/**
	 * RFC 7592 §2.3: removes the partner and its client and announces
	 * {@link PartnerDeleted}, all in one transaction: listeners (the consent revocation)
	 * run inside it, and if one fails nothing is deleted.
	 * @throws RegistrationAccessDeniedException when the token is missing or wrong, or
	 * the client unknown
	 */
	public void delete(String clientId, @Nullable String authorization) {
		boolean deleted = Boolean.TRUE.equals(this.transactions.execute((tx) -> {
			authorize(clientId, authorization);
			if (!this.partners.delete(clientId)) {
				return false;
			}
			this.events.publishEvent(new PartnerDeleted(clientId));
			return true;
		}));
		if (!deleted) {
			throw new RegistrationAccessDeniedException();
		}
		logger.info("Deleted client {}", clientId);
	}

	private PartnerRegistration authorize(String clientId, @Nullable String authorization) {
		String token = bearerToken(authorization);
		Optional<PartnerRegistration> registration = (clientId.isEmpty() || clientId.length() > MAX_CLIENT_ID_LENGTH)
				? Optional.empty() : this.partners.findRegistration(clientId);
		// Hash even when there is nothing to compare, so timing tells no unknown client
		// from a wrong token.
		byte[] presented = RegistrationCredentials.sha256((token != null) ? token : "");
		// A revoked partner's registration is gone for good (its row stays only so that
		// its client_id is never served again).
		if (token == null || registration.isEmpty()
				|| !MessageDigest.isEqual(presented, registration.get().registrationAccessTokenHash())
				|| registration.get().partner().status() == PartnerStatus.REVOKED) {
			throw new RegistrationAccessDeniedException();
		}
		return registration.get();
	}

	/**
	 * RFC 7592 §2.2: the request MUST carry the client's own {@code client_id}, and the
	 * server MUST NOT accept changes to what it issued. Those values may be echoed
	 * unchanged; no client secret was ever issued.
	 */
	private void requireIssuedValuesUnchanged(Map<String, Object> members, PartnerRegistration current) {
		String clientId = current.partner().clientId();
		Object requested = members.get(CLIENT_ID);
		if (requested == null) {
			throw refusedChange("client_id is required");
		}
		if (!clientId.equals(requested)) {
			throw refusedChange("client_id must be the client's own");
		}
		if (members.get(CLIENT_SECRET) != null || members.get(CLIENT_SECRET_EXPIRES_AT) != null) {
			throw refusedChange("client_secret cannot be set: the client authenticates with private_key_jwt");
		}
		Object issuedAt = members.get(CLIENT_ID_ISSUED_AT);
		if (issuedAt != null && !Long.valueOf(current.createdAt().getEpochSecond()).equals(issuedAt)) {
			throw refusedChange(CLIENT_ID_ISSUED_AT + " cannot be changed");
		}
		Object clientUri = members.get(REGISTRATION_CLIENT_URI);
		if (clientUri != null && !registrationClientUri(clientId).equals(clientUri)) {
			throw refusedChange(REGISTRATION_CLIENT_URI + " cannot be changed");
		}
		Object token = members.get(REGISTRATION_ACCESS_TOKEN);
		if (token != null && !(token instanceof String value && MessageDigest
			.isEqual(RegistrationCredentials.sha256(value), current.registrationAccessTokenHash()))) {
			throw refusedChange(REGISTRATION_ACCESS_TOKEN + " cannot be changed");
		}
	}

	/**
	 * Refuses redirect URIs on a host none of the client's current redirect URIs uses.
	 */
	private static void requireNoNewRedirectHost(ClientMetadata metadata, PartnerRegistration current) {
		Set<String> hosts = new HashSet<>();
		Object registered = storedMetadata(current).get(MetadataNames.REDIRECT_URIS);
		if (registered instanceof List<?> uris) {
			uris.forEach((uri) -> hosts.add(host(String.valueOf(uri))));
		}
		for (String uri : metadata.redirectUris()) {
			String host = host(uri);
			if (!hosts.contains(host)) {
				throw new RegistrationException(RegistrationError.INVALID_REDIRECT_URI, "redirect_uris adds host "
						+ host
						+ ", which the client did not use before: a new redirect host needs the bank's approval, "
						+ "so register it as new software (POST /register)");
			}
		}
	}

	private static String host(String uri) {
		String host = URI.create(uri).getHost();
		return (host != null) ? host.toLowerCase(Locale.ROOT) : "";
	}

	/** RFC 7638 thumbprints of the client's inline keys, with their {@code kid}s. */
	private static Map<String, @Nullable String> thumbprints(ClientMetadata metadata) {
		Map<String, @Nullable String> thumbprints = new LinkedHashMap<>();
		JWKSet jwks = metadata.jwks();
		if (jwks != null) {
			for (JWK key : jwks.getKeys()) {
				try {
					thumbprints.put(key.computeThumbprint().toString(), key.getKeyID());
				}
				catch (JOSEException ex) {
					throw new IllegalStateException("Cannot compute the thumbprint of a validated key", ex);
				}
			}
		}
		return thumbprints;
	}

	private static RegistrationException refusedChange(String description) {
		return new RegistrationException(RegistrationError.INVALID_CLIENT_METADATA, description);
	}

	private static @Nullable String bearerToken(@Nullable String authorization) {
		if (authorization == null) {
			return null;
		}
		var matcher = BEARER.matcher(authorization.strip());
		return matcher.matches() ? matcher.group(1) : null;
	}

	private Map<String, Object> response(PartnerRegistration registration, Map<String, Object> stored,
			@Nullable String token) {
		String clientId = registration.partner().clientId();
		Map<String, Object> response = new LinkedHashMap<>();
		response.put(CLIENT_ID, clientId);
		response.put(CLIENT_ID_ISSUED_AT, registration.createdAt().getEpochSecond());
		response.putAll(stored);
		response.put(STATUS, registration.partner().status().name());
		if (token != null) {
			response.put(REGISTRATION_ACCESS_TOKEN, token);
		}
		response.put(REGISTRATION_CLIENT_URI, registrationClientUri(clientId));
		return response;
	}

	private String registrationClientUri(String clientId) {
		return this.issuer + "/register/" + clientId;
	}

	/**
	 * The metadata kept with the partner and returned by reads: the effective metadata
	 * and the statement.
	 */
	private static Map<String, Object> metadataToStore(ClientMetadata metadata, SoftwareStatement statement) {
		Map<String, Object> stored = metadata.toJson();
		stored.put(ORG_ID, statement.orgId());
		stored.put(ORG_NAME, statement.orgName());
		stored.put(SOFTWARE_STATEMENT, statement.serialized());
		return stored;
	}

	private static Map<String, Object> storedMetadata(PartnerRegistration registration) {
		try {
			return JSONObjectUtils.parse(registration.metadataJson());
		}
		catch (ParseException ex) {
			throw new IllegalStateException(
					"Stored metadata of client " + registration.partner().clientId() + " is not a JSON object", ex);
		}
	}

}
