package com.consentry.authz.authorization;

import java.net.URL;
import java.text.ParseException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.nimbusds.jose.util.JSONObjectUtils;

import org.jspecify.annotations.Nullable;

/**
 * JSON text for the two kinds of map an authorization keeps: a token's claims (as in the
 * JWT: times in epoch seconds) and the extra parameters of an authorization request
 * (strings, or string arrays for a repeated parameter). Plain JSON, no type information:
 * reading it back cannot create arbitrary objects.
 */
final class ClaimsJson {

	/**
	 * RFC 7519 §4.1 and OIDC Core §2: the claims that are times, turned back into
	 * {@link Instant}s.
	 */
	private static final Set<String> TIME_CLAIMS = Set.of("exp", "iat", "nbf", "auth_time");

	private ClaimsJson() {
	}

	static @Nullable String claims(@Nullable Map<String, Object> claims) {
		if (claims == null) {
			return null;
		}
		Map<String, Object> json = new LinkedHashMap<>();
		claims.forEach((name, value) -> json.put(name, jsonValue(name, value)));
		return JSONObjectUtils.toJSONString(json);
	}

	static Map<String, Object> claims(String json) {
		Map<String, Object> claims = new LinkedHashMap<>(parse(json));
		for (String name : TIME_CLAIMS) {
			if (claims.get(name) instanceof Number seconds) {
				claims.put(name, Instant.ofEpochSecond(seconds.longValue()));
			}
		}
		return claims;
	}

	static String parameters(Map<String, Object> parameters) {
		Map<String, Object> json = new LinkedHashMap<>();
		parameters.forEach((name, value) -> {
			if (value instanceof String string) {
				json.put(name, string);
			}
			else if (value instanceof String[] strings) {
				json.put(name, List.of(strings));
			}
			else {
				// Only the request's own parameters belong here; anything else would not
				// survive a round trip
				throw new IllegalArgumentException("authorization request parameter '" + name + "' is not a string but "
						+ value.getClass().getName());
			}
		});
		return JSONObjectUtils.toJSONString(json);
	}

	static Map<String, Object> parameters(String json) {
		Map<String, Object> parameters = new LinkedHashMap<>();
		parse(json).forEach((name, value) -> parameters.put(name,
				(value instanceof List<?> list) ? list.stream().map(String::valueOf).toArray(String[]::new) : value));
		return parameters;
	}

	private static Object jsonValue(String name, Object value) {
		if (value instanceof Instant instant) {
			return instant.getEpochSecond();
		}
		if (value instanceof Date date) {
			return date.toInstant().getEpochSecond();
		}
		if (value instanceof URL url) {
			return url.toString();
		}
		if (value instanceof Collection<?> collection) {
			List<Object> list = new ArrayList<>(collection.size());
			collection.forEach((element) -> list.add(jsonValue(name, element)));
			return list;
		}
		if (value instanceof Map<?, ?> map) {
			Map<String, Object> object = new LinkedHashMap<>();
			map.forEach((key, element) -> object.put(String.valueOf(key), jsonValue(name, element)));
			return object;
		}
		return value;
	}

	private static Map<String, Object> parse(String json) {
		try {
			return JSONObjectUtils.parse(json);
		}
		catch (ParseException ex) {
			throw new IllegalStateException("stored authorization JSON is not valid", ex);
		}
	}

}
