package com.consentry.consent;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads and writes RFC 9396 {@code authorization_details} of type {@code fdx_v1.0}.
 * <p>
 * Reading is strict: one {@code fdx_v1.0} detail, known members only, every value of the
 * right type and within the bank's limits. A request the bank would not honour in full is
 * refused, never silently cut.
 *
 * @see <a href="https://datatracker.ietf.org/doc/html/rfc9396#section-2">RFC 9396 §2</a>
 */
public final class FdxAuthorizationDetails {

	/** The authorization details type FDX registers for consent requests. */
	public static final String TYPE = "fdx_v1.0";

	static final int MAX_LENGTH = 8192;

	private static final int MAX_RESOURCES = 16;

	// RFC 9396 §2.2 common data fields, allowed beside the type-specific ones.
	private static final Set<String> COMMON_FIELDS = Set.of("locations", "actions", "datatypes", "identifier",
			"privileges");

	private static final Set<String> CONSENT_REQUEST_FIELDS = Set.of("durationType", "durationPeriod", "lookbackPeriod",
			"resources");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final ConsentLimits limits;

	public FdxAuthorizationDetails(ConsentLimits limits) {
		this.limits = limits;
	}

	/**
	 * Parses an {@code authorization_details} parameter value.
	 * @throws InvalidAuthorizationDetailsException when it is not a valid, acceptable
	 * {@code fdx_v1.0} request
	 */
	public ConsentRequest parse(String authorizationDetails) {
		if (authorizationDetails.length() > MAX_LENGTH) {
			throw invalid("authorization_details is longer than " + MAX_LENGTH + " characters");
		}
		Object parsed;
		try {
			parsed = JSON.readValue(authorizationDetails, Object.class);
		}
		catch (JacksonException ex) {
			throw invalid("authorization_details is not valid JSON");
		}
		if (!(parsed instanceof List<?> details) || details.isEmpty()) {
			throw invalid("authorization_details must be a non-empty JSON array");
		}
		if (details.size() != 1) {
			throw invalid("exactly one authorization detail of type " + TYPE + " is expected");
		}
		Map<?, ?> detail = object(details.get(0), "authorization detail");
		Object type = detail.get("type");
		if (!(type instanceof String)) {
			throw invalid("authorization detail has no type");
		}
		if (!TYPE.equals(type)) {
			throw invalid("authorization detail type '" + type + "' is not supported");
		}
		for (Object key : detail.keySet()) {
			if (!"type".equals(key) && !"consentRequest".equals(key) && !COMMON_FIELDS.contains(key)) {
				throw invalid("unknown member '" + key + "' in " + TYPE + " detail");
			}
		}
		return consentRequest(object(detail.get("consentRequest"), "consentRequest"));
	}

	private ConsentRequest consentRequest(Map<?, ?> request) {
		for (Object key : request.keySet()) {
			if (!CONSENT_REQUEST_FIELDS.contains(key)) {
				throw invalid("unknown member '" + key + "' in consentRequest");
			}
		}
		DurationType durationType = enumValue(DurationType.class, request.get("durationType"),
				"consentRequest.durationType");
		Integer durationPeriod = optionalInt(request.get("durationPeriod"), "consentRequest.durationPeriod");
		if (durationType == DurationType.TIME_BOUND) {
			if (durationPeriod == null) {
				throw invalid("consentRequest.durationPeriod is required for TIME_BOUND");
			}
			if (durationPeriod < 1 || durationPeriod > this.limits.maxDurationDays()) {
				throw invalid("consentRequest.durationPeriod must be between 1 and " + this.limits.maxDurationDays()
						+ " days");
			}
		}
		else if (durationPeriod != null) {
			throw invalid("consentRequest.durationPeriod is only allowed with TIME_BOUND");
		}
		Integer lookback = optionalInt(request.get("lookbackPeriod"), "consentRequest.lookbackPeriod");
		int lookbackPeriod = (lookback != null) ? lookback : this.limits.defaultLookbackDays();
		if (lookbackPeriod < 0 || lookbackPeriod > this.limits.maxLookbackDays()) {
			throw invalid(
					"consentRequest.lookbackPeriod must be between 0 and " + this.limits.maxLookbackDays() + " days");
		}
		if (!(request.get("resources") instanceof List<?> resources) || resources.isEmpty()) {
			throw invalid("consentRequest.resources must be a non-empty array");
		}
		if (resources.size() > MAX_RESOURCES) {
			throw invalid("consentRequest.resources has more than " + MAX_RESOURCES + " entries");
		}
		List<RequestedResource> requested = new ArrayList<>();
		Set<ResourceType> seen = EnumSet.noneOf(ResourceType.class);
		for (Object element : resources) {
			Map<?, ?> resource = object(element, "consentRequest.resources[]");
			for (Object key : resource.keySet()) {
				if (!"resourceType".equals(key) && !"dataClusters".equals(key)) {
					throw invalid("unknown member '" + key + "' in consentRequest.resources[]");
				}
			}
			ResourceType resourceType = enumValue(ResourceType.class, resource.get("resourceType"),
					"consentRequest.resources[].resourceType");
			if (resourceType == ResourceType.DOCUMENT) {
				throw invalid("resourceType DOCUMENT is not offered by this bank");
			}
			if (!seen.add(resourceType)) {
				throw invalid("resourceType " + resourceType + " appears more than once");
			}
			if (!(resource.get("dataClusters") instanceof List<?> clusters) || clusters.isEmpty()) {
				throw invalid("consentRequest.resources[].dataClusters must be a non-empty array");
			}
			Set<DataCluster> dataClusters = EnumSet.noneOf(DataCluster.class);
			for (Object cluster : clusters) {
				dataClusters.add(enumValue(DataCluster.class, cluster, "dataClusters[]"));
			}
			requested.add(new RequestedResource(resourceType, dataClusters));
		}
		return new ConsentRequest(durationType, durationPeriod, lookbackPeriod, requested);
	}

	/**
	 * The granted consent as an {@code authorization_details} array (RFC 9396 §7): the
	 * request with the consent id and one resource entry per chosen resource.
	 */
	public static List<Map<String, Object>> granted(Consent consent) {
		Map<String, Object> request = new LinkedHashMap<>();
		request.put("durationType", consent.request().durationType().name());
		if (consent.request().durationPeriod() != null) {
			request.put("durationPeriod", consent.request().durationPeriod());
		}
		request.put("lookbackPeriod", consent.request().lookbackPeriod());
		List<Map<String, Object>> resources = new ArrayList<>();
		for (GrantedResource resource : consent.grantedResources()) {
			Map<String, Object> entry = new LinkedHashMap<>();
			entry.put("resourceType", resource.resourceType().name());
			entry.put("resourceId", resource.resourceId());
			entry.put("dataClusters", sortedNames(resource.dataClusters()));
			resources.add(entry);
		}
		request.put("resources", resources);
		Map<String, Object> detail = new LinkedHashMap<>();
		detail.put("type", TYPE);
		detail.put("consentId", consent.id().value());
		detail.put("consentRequest", request);
		// Mutable JDK collections only: the claims are persisted through Jackson with a
		// type allow-list
		List<Map<String, Object>> details = new ArrayList<>();
		details.add(detail);
		return details;
	}

	static List<String> sortedNames(Set<DataCluster> clusters) {
		return clusters.stream().sorted().map(Enum::name).collect(Collectors.toCollection(ArrayList::new));
	}

	private static Map<?, ?> object(Object value, String what) {
		if (!(value instanceof Map<?, ?> map)) {
			throw invalid(what + " must be a JSON object");
		}
		return map;
	}

	private static Integer optionalInt(Object value, String what) {
		if (value == null) {
			return null;
		}
		if (!(value instanceof Integer number)) {
			throw invalid(what + " must be a whole number of days");
		}
		return number;
	}

	private static <E extends Enum<E>> E enumValue(Class<E> type, Object value, String what) {
		if (!(value instanceof String name)) {
			throw invalid(what + " is missing or not a string");
		}
		try {
			return Enum.valueOf(type, name);
		}
		catch (IllegalArgumentException ex) {
			throw invalid(what + " '" + name + "' is not supported");
		}
	}

	private static InvalidAuthorizationDetailsException invalid(String message) {
		return new InvalidAuthorizationDetailsException(message);
	}

}
