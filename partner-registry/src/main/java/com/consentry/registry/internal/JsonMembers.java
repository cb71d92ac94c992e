package com.consentry.registry.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.util.Assert;

/**
 * Typed, strict reads of the members of one JSON object (as parsed by Nimbus: strings,
 * booleans, numbers, lists, maps); a member of the wrong type is refused with the given
 * error, a JSON {@code null} counts as absent.
 */
final class JsonMembers {

	private final Map<String, Object> members;

	private final RegistrationError error;

	JsonMembers(Map<String, Object> members, RegistrationError error) {
		Assert.notNull(members, "members cannot be null");
		Assert.notNull(error, "error cannot be null");
		this.members = members;
		this.error = error;
	}

	boolean has(String name) {
		return this.members.get(name) != null;
	}

	Optional<String> string(String name, int maxLength) {
		Object value = this.members.get(name);
		if (value == null) {
			return Optional.empty();
		}
		if (!(value instanceof String string) || string.isBlank() || string.length() > maxLength
				|| hasControlCharacter(string)) {
			throw refused(name + " must be a non-empty string of at most " + maxLength + " characters");
		}
		return Optional.of(string);
	}

	Optional<List<String>> strings(String name, int maxItems, int maxLength) {
		Object value = this.members.get(name);
		if (value == null) {
			return Optional.empty();
		}
		if (!(value instanceof List<?> list) || list.isEmpty() || list.size() > maxItems) {
			throw refused(name + " must be a non-empty array of at most " + maxItems + " strings");
		}
		List<String> strings = new ArrayList<>(list.size());
		for (Object item : list) {
			if (!(item instanceof String string) || string.isBlank() || string.length() > maxLength
					|| hasControlCharacter(string)) {
				throw refused(name + " must hold non-empty strings of at most " + maxLength + " characters");
			}
			if (!strings.contains(string)) {
				strings.add(string);
			}
		}
		return Optional.of(List.copyOf(strings));
	}

	Optional<Boolean> bool(String name) {
		Object value = this.members.get(name);
		if (value == null) {
			return Optional.empty();
		}
		if (!(value instanceof Boolean bool)) {
			throw refused(name + " must be a boolean");
		}
		return Optional.of(bool);
	}

	@SuppressWarnings("unchecked")
	Optional<Map<String, Object>> object(String name) {
		Object value = this.members.get(name);
		if (value == null) {
			return Optional.empty();
		}
		if (!(value instanceof Map<?, ?> map)) {
			throw refused(name + " must be a JSON object");
		}
		return Optional.of((Map<String, Object>) map);
	}

	RegistrationException refused(String description) {
		return new RegistrationException(this.error, description);
	}

	private static boolean hasControlCharacter(String value) {
		return value.chars().anyMatch(Character::isISOControl);
	}

}
