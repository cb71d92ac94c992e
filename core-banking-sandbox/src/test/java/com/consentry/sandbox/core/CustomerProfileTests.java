package com.consentry.sandbox.core;

import com.consentry.sandbox.bank.BankCustomer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Generated contact and personal data. */
class CustomerProfileTests {

	@Test
	@DisplayName("Contact data is fixed for the customer; tax ids are in the 9xx area no SSN uses; phones are 555-01xx")
	void profile() {
		BankCustomer customer = new BankCustomer("cust-t", "Ada", "Lovelace", null);
		CustomerProfile profile = CustomerProfile.of(customer);
		assertThat(CustomerProfile.of(customer)).isEqualTo(profile);
		assertThat(profile.taxId()).matches("9\\d\\d-\\d\\d-\\d{4}");
		assertThat(profile.email()).isEqualTo("ada.lovelace@example.com");
		assertThat(profile.telephones()).extracting(CustomerProfile.Telephone::number)
			.allSatisfy((number) -> assertThat(number).matches("\\d{3}55501\\d\\d"));
		assertThat(profile.address().postalCode()).matches("\\d{5}");
		assertThat(profile.dateOfBirth().getYear()).isBetween(1955, 2001);
		assertThat(CustomerProfile.of(new BankCustomer("cust-t", "Ada", "Lovelace", "ada@bank.example")).email())
			.isEqualTo("ada@bank.example");
	}

}
