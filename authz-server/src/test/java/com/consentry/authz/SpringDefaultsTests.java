package com.consentry.authz;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class SpringDefaultsTests {

	@Test
	@DisplayName("Issue 7: replacing a default puts the replacement in its place")
	void replacesTheOneDefault() {
		List<CharSequence> elements = new ArrayList<>(List.of("spring", new StringBuilder("builder")));
		SpringDefaults.replace(elements, StringBuilder.class, (builder) -> "ours from " + builder);
		assertThat(elements).containsExactly("spring", "ours from builder");
	}

	@Test
	@DisplayName("Issue 7: a default that is gone after an upgrade stops the start instead of silently dropping a rule")
	void missingDefaultFails() {
		List<CharSequence> elements = new ArrayList<>(List.of("spring"));
		assertThatIllegalStateException()
			.isThrownBy(() -> SpringDefaults.customize(elements, StringBuilder.class, (builder) -> builder.append("!")))
			.withMessageContaining("no longer has a java.lang.StringBuilder");
	}

	@Test
	@DisplayName("Issue 7: a default that is doubled after an upgrade stops the start too")
	void doubledDefaultFails() {
		List<CharSequence> elements = new ArrayList<>(List.of(new StringBuilder("a"), new StringBuilder("b")));
		assertThatIllegalStateException()
			.isThrownBy(() -> SpringDefaults.replace(elements, StringBuilder.class, (builder) -> "x"))
			.withMessageContaining("more than one");
	}

}
