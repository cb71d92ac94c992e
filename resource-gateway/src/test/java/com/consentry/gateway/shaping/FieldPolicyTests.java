package com.consentry.gateway.shaping;

import java.util.EnumSet;
import java.util.Set;

import com.consentry.consent.DataCluster;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one table of which data cluster unlocks which FDX field (FDX §2).
 */
class FieldPolicyTests {

	@Test
	@DisplayName("FDX §2: a field for every consented account shows with no cluster at all")
	void alwaysShown() {
		assertThat(FieldPolicy.shows(FieldPolicy.ALWAYS, Set.of())).isTrue();
		assertThat(FieldPolicy.ACCOUNT.get("accountId")).isEmpty();
		assertThat(FieldPolicy.ACCOUNT.get("accountCategory")).isEmpty();
	}

	@Test
	@DisplayName("FDX §2: a field shows when any one of its clusters is granted, and only then")
	void anyClusterUnlocks() {
		Set<DataCluster> payment = FieldPolicy.ACCOUNT.get("accountNumber");
		assertThat(FieldPolicy.shows(payment, EnumSet.of(DataCluster.PAYMENT_SUPPORT))).isTrue();
		assertThat(FieldPolicy.shows(payment, EnumSet.of(DataCluster.ACCOUNT_PAYMENTS, DataCluster.IMAGES))).isTrue();
		assertThat(FieldPolicy.shows(payment, EnumSet.of(DataCluster.ACCOUNT_BASIC, DataCluster.ACCOUNT_DETAILED)))
			.isFalse();
		assertThat(FieldPolicy.shows(payment, Set.of())).isFalse();
	}

	@Test
	@DisplayName("FDX §2: balances need ACCOUNT_DETAILED, the full number a payment cluster, the masked number ACCOUNT_BASIC or ACCOUNT_DETAILED")
	void accountFields() {
		assertThat(FieldPolicy.ACCOUNT.get("currentBalance")).containsExactly(DataCluster.ACCOUNT_DETAILED);
		assertThat(FieldPolicy.ACCOUNT.get("availableBalance")).containsExactly(DataCluster.ACCOUNT_DETAILED);
		assertThat(FieldPolicy.ACCOUNT.get("accountNumber")).containsExactlyInAnyOrder(DataCluster.PAYMENT_SUPPORT,
				DataCluster.ACCOUNT_PAYMENTS);
		assertThat(FieldPolicy.ACCOUNT.get("accountNumberDisplay")).containsExactlyInAnyOrder(DataCluster.ACCOUNT_BASIC,
				DataCluster.ACCOUNT_DETAILED);
		assertThat(FieldPolicy.ACCOUNT.get("holdings")).containsExactly(DataCluster.INVESTMENTS);
	}

	@Test
	@DisplayName("FDX §2: date of birth and tax id need CUSTOMER_PERSONAL; name and addresses either customer cluster")
	void customerFields() {
		assertThat(FieldPolicy.CUSTOMER.get("dateOfBirth")).containsExactly(DataCluster.CUSTOMER_PERSONAL);
		assertThat(FieldPolicy.CUSTOMER.get("taxId")).containsExactly(DataCluster.CUSTOMER_PERSONAL);
		assertThat(FieldPolicy.CUSTOMER.get("name")).containsExactlyInAnyOrder(DataCluster.CUSTOMER_CONTACT,
				DataCluster.CUSTOMER_PERSONAL);
		assertThat(FieldPolicy.CUSTOMER.get("accounts")).isEmpty();
		assertThat(FieldPolicy.CUSTOMER_ACCOUNT.keySet()).containsExactlyInAnyOrder("accountId", "relationship");
	}

	@Test
	@DisplayName("FDX §2: a transaction's imageIds need IMAGES, its reward REWARDS")
	void transactionFields() {
		assertThat(FieldPolicy.TRANSACTION.get("imageIds")).containsExactly(DataCluster.IMAGES);
		assertThat(FieldPolicy.TRANSACTION.get("reward")).containsExactly(DataCluster.REWARDS);
		assertThat(FieldPolicy.TRANSACTION.get("amount")).isEmpty();
	}

	@Test
	@DisplayName("FDX §2: a field the table does not know is in no table, so it is never shown")
	void unknownFields() {
		for (String field : Set.of("routingNumber", "internalRiskScore", "customerId", "ssn")) {
			assertThat(FieldPolicy.ACCOUNT).doesNotContainKey(field);
			assertThat(FieldPolicy.TRANSACTION).doesNotContainKey(field);
		}
		assertThat(FieldPolicy.CUSTOMER).doesNotContainKey("ssn");
	}

}
