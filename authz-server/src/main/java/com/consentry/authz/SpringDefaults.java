package com.consentry.authz;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Edits of the lists of converters and providers that Spring Authorization Server's
 * configurers hand us. Each edit insists on finding exactly one element of the type it
 * edits: an upgrade that renames, drops or doubles a default makes the server refuse to
 * start, instead of starting without a FAPI rule.
 */
public final class SpringDefaults {

	private SpringDefaults() {
	}

	/**
	 * Replaces the one element of {@code type} in {@code elements} with what
	 * {@code replacement} makes of it.
	 */
	public static <T, S extends T> void replace(List<T> elements, Class<S> type, Function<S, ? extends T> replacement) {
		int index = indexOfOnly(elements, type);
		elements.set(index, replacement.apply(type.cast(elements.get(index))));
	}

	/** Adjusts the one element of {@code type} in {@code elements}. */
	public static <T, S extends T> void customize(List<T> elements, Class<S> type, Consumer<S> customizer) {
		customizer.accept(type.cast(elements.get(indexOfOnly(elements, type))));
	}

	private static int indexOfOnly(List<?> elements, Class<?> type) {
		int found = -1;
		for (int i = 0; i < elements.size(); i++) {
			if (type.isInstance(elements.get(i))) {
				if (found >= 0) {
					throw new IllegalStateException("Spring Authorization Server has more than one " + type.getName()
							+ " where this server expects exactly one; check the FAPI configuration against the upgrade");
				}
				found = i;
			}
		}
		if (found < 0) {
			throw new IllegalStateException("Spring Authorization Server no longer has a " + type.getName()
					+ " where this server replaces or adjusts one; check the FAPI configuration against the upgrade");
		}
		return found;
	}

}
