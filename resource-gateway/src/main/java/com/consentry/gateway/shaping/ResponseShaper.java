package com.consentry.gateway.shaping;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.consentry.consent.DataCluster;
import com.consentry.gateway.fdx.FdxEndpoint;
import com.consentry.gateway.grant.Grant;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.stereotype.Component;

/**
 * Cuts a core-banking answer down to what the consent grants (FDX §2): lists keep only
 * consented accounts, every object keeps only the fields {@link FieldPolicy} unlocks for
 * its account's clusters, account numbers are masked unless a payment cluster was granted
 * and then replaced by the partner's token ({@link AccountNumberTokens}: the real number
 * never leaves the bank), tax ids are masked always, history outside the lookback window
 * is dropped and links point at the gateway, not the core.
 */
@Component
public class ResponseShaper {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** FDX's {@code identifierType} of a payment network that carries a token. */
	static final String TOKENIZED = "TOKENIZED_ACCOUNT_NUMBER";

	private final AccountNumberTokens tokens;

	public ResponseShaper(AccountNumberTokens tokens) {
		this.tokens = tokens;
	}

	/**
	 * The shaped body.
	 * @param windowStart the oldest instant the consent's lookback allows
	 * @param upstreamBase the core's base URL, rewritten to {@code publicBase} in links
	 */
	public byte[] shape(FdxEndpoint.Match match, Grant grant, byte[] body, Instant windowStart, String upstreamBase,
			String publicBase) {
		JsonNode root = JSON.readTree(body);
		if (!(root instanceof ObjectNode object)) {
			return JSON.writeValueAsBytes(JSON.createObjectNode());
		}
		String accountId = match.accountId();
		Set<DataCluster> accountClusters = (accountId != null) ? grant.clustersOf(accountId) : Set.of();
		ObjectNode shaped = switch (match.endpoint()) {
			case ACCOUNTS -> list(object, "accounts", (item) -> {
				String id = text(item, "accountId");
				return (id != null && grant.covers(id)) ? account(item, grant, id) : null;
			});
			case ACCOUNT -> (accountId != null) ? account(object, grant, accountId) : JSON.createObjectNode();
			case TRANSACTIONS -> list(object, "transactions", (item) -> withinWindow(item, windowStart)
					? keep(item, FieldPolicy.TRANSACTION, accountClusters) : null);
			case STATEMENTS -> list(object, "statements", (item) -> keep(item, FieldPolicy.STATEMENT, accountClusters));
			case PAYMENT_NETWORKS -> list(object, "paymentNetworks",
					(item) -> tokenized(keep(item, FieldPolicy.PAYMENT_NETWORK, accountClusters), grant, accountId));
			case CONTACT -> keep(object, FieldPolicy.CONTACT_DETAILS, union(accountClusters, grant.customerClusters()));
			case CUSTOMER -> customer(object, grant);
			case STATEMENT -> JSON.createObjectNode();
		};
		rewriteLinks(shaped, upstreamBase, publicBase);
		return JSON.writeValueAsBytes(shaped);
	}

	private static ObjectNode list(ObjectNode page, String name, ItemShaper shaper) {
		ObjectNode out = JSON.createObjectNode();
		for (String field : FieldPolicy.PAGE_FIELDS) {
			if (page.has(field)) {
				out.set(field, page.get(field));
			}
		}
		ArrayNode items = JSON.createArrayNode();
		if (page.get(name) instanceof ArrayNode array) {
			for (JsonNode item : array) {
				if (item instanceof ObjectNode object) {
					ObjectNode shaped = shaper.shape(object);
					if (shaped != null) {
						items.add(shaped);
					}
				}
			}
		}
		out.set(name, items);
		return out;
	}

	private ObjectNode account(ObjectNode account, Grant grant, String accountId) {
		ObjectNode out = keep(account, FieldPolicy.ACCOUNT, grant.clustersOf(accountId));
		if (out.has("accountNumberDisplay")) {
			out.put("accountNumberDisplay", AccountNumbers.mask(out.get("accountNumberDisplay").asString()));
		}
		String number = text(out, "accountNumber");
		if (number != null) {
			out.put("accountNumber", this.tokens.tokenFor(grant, accountId, number));
		}
		else {
			out.remove("accountNumber");
		}
		return out;
	}

	// a payment network's account number becomes the partner's token; anything that is
	// not a plain account number is not shown
	private @Nullable ObjectNode tokenized(ObjectNode network, Grant grant, @Nullable String accountId) {
		String identifier = text(network, "identifier");
		String type = text(network, "identifierType");
		if (TOKENIZED.equals(type)) {
			// the bank's core tokenized it already
			return network;
		}
		if (identifier == null || accountId == null || (type != null && !"ACCOUNT_NUMBER".equals(type))) {
			return null;
		}
		network.put("identifier", this.tokens.tokenFor(grant, accountId, identifier));
		network.put("identifierType", TOKENIZED);
		return network;
	}

	private static ObjectNode customer(ObjectNode customer, Grant grant) {
		ObjectNode out = keep(customer, FieldPolicy.CUSTOMER, grant.customerClusters());
		for (String identifier : List.of("taxId", "governmentId")) {
			if (out.get(identifier) != null && out.get(identifier).isString()) {
				out.put(identifier, AccountNumbers.mask(out.get(identifier).asString()));
			}
		}
		if (out.get("accounts") instanceof ArrayNode accounts) {
			ArrayNode consented = JSON.createArrayNode();
			for (JsonNode item : accounts) {
				String id = text(item, "accountId");
				if (item instanceof ObjectNode object && id != null && grant.covers(id)) {
					consented.add(keep(object, FieldPolicy.CUSTOMER_ACCOUNT, Set.of()));
				}
			}
			out.set("accounts", consented);
		}
		return out;
	}

	static ObjectNode keep(ObjectNode source, Map<String, Set<DataCluster>> table, Set<DataCluster> granted) {
		ObjectNode out = JSON.createObjectNode();
		for (Map.Entry<String, JsonNode> field : source.properties()) {
			Set<DataCluster> unlockedBy = table.get(field.getKey());
			if (unlockedBy != null && FieldPolicy.shows(unlockedBy, granted)) {
				out.set(field.getKey(), field.getValue());
			}
		}
		return out;
	}

	private static boolean withinWindow(ObjectNode transaction, Instant windowStart) {
		for (String field : List.of("postedTimestamp", "transactionTimestamp")) {
			String value = text(transaction, field);
			if (value != null) {
				Instant at = instant(value);
				return at != null && !at.isBefore(windowStart);
			}
		}
		return false;
	}

	private static Instant instant(String value) {
		try {
			return OffsetDateTime.parse(value).toInstant();
		}
		catch (DateTimeParseException ex) {
			try {
				return LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
			}
			catch (DateTimeParseException ignored) {
				return null;
			}
		}
	}

	private static void rewriteLinks(JsonNode node, String upstreamBase, String publicBase) {
		if (node instanceof ObjectNode object) {
			List<String> names = new ArrayList<>(object.propertyNames());
			for (String name : names) {
				JsonNode value = object.get(name);
				if ("href".equals(name) && value.isString() && isUnder(value.asString(), upstreamBase)) {
					object.put(name, publicBase + value.asString().substring(upstreamBase.length()));
				}
				else {
					rewriteLinks(value, upstreamBase, publicBase);
				}
			}
		}
		else if (node instanceof ArrayNode array) {
			for (JsonNode item : array) {
				rewriteLinks(item, upstreamBase, publicBase);
			}
		}
	}

	// the base itself, or the base followed by a path, query or fragment: never a longer
	// host name that merely starts like it
	private static boolean isUnder(String href, String base) {
		if (!href.startsWith(base)) {
			return false;
		}
		if (href.length() == base.length()) {
			return true;
		}
		char next = href.charAt(base.length());
		return next == '/' || next == '?' || next == '#';
	}

	private static Set<DataCluster> union(Set<DataCluster> a, Set<DataCluster> b) {
		if (b.isEmpty()) {
			return a;
		}
		java.util.EnumSet<DataCluster> all = java.util.EnumSet.noneOf(DataCluster.class);
		all.addAll(a);
		all.addAll(b);
		return all;
	}

	private static String text(JsonNode node, String field) {
		JsonNode value = node.get(field);
		return (value != null && value.isString()) ? value.asString() : null;
	}

	@FunctionalInterface
	private interface ItemShaper {

		@Nullable ObjectNode shape(ObjectNode item);

	}

}
