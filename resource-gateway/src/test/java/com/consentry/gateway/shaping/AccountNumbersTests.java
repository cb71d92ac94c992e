package com.consentry.gateway.shaping;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Masking of account numbers and tax ids to their last four characters, as FDX's
 * {@code accountNumberDisplay} shows them.
 */
class AccountNumbersTests {

	@ParameterizedTest(name = "FDX §2: \"{0}\" is shown as \"{1}\"")
	@CsvSource(delimiter = '|', textBlock = """
			1234567890          | ...7890
			1234-5678-9012      | ...9012
			123-45-6789         | ...6789
			**** **** **** 4321 | ...4321
			GB29NWBK60161331926819 | ...6819
			...7890             | ...7890
			...1234567890       | ...7890
			xxxxxx7890          | ...7890
			123                 | ...123
			""")
	@DisplayName("FDX §2: account numbers and tax ids show their last 4 characters only")
	void masksToTheLastFour(String value, String shown) {
		assertThat(AccountNumbers.mask(value)).isEqualTo(shown);
	}

}
