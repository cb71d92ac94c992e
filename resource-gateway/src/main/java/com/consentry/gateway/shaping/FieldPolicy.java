package com.consentry.gateway.shaping;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import com.consentry.consent.DataCluster;

/**
 * The one mapping from FDX fields to the data clusters that unlock them (FDX §2, reviewed
 * with the bank). A field is shown only when the consent grants one of its clusters for
 * the account (or customer) it belongs to; a field the table does not know is never
 * shown, so a new field in the core's answers stays hidden until someone decides which
 * cluster it belongs to.
 */
final class FieldPolicy {

	/** Shown for every consented account: what a partner needs to address it. */
	static final Set<DataCluster> ALWAYS = Set.of();

	private static final Set<DataCluster> BASIC = EnumSet.of(DataCluster.ACCOUNT_BASIC, DataCluster.ACCOUNT_DETAILED);

	private static final Set<DataCluster> DETAILED = EnumSet.of(DataCluster.ACCOUNT_DETAILED);

	private static final Set<DataCluster> PAYMENT = EnumSet.of(DataCluster.PAYMENT_SUPPORT,
			DataCluster.ACCOUNT_PAYMENTS);

	private static final Set<DataCluster> CONTACT = EnumSet.of(DataCluster.CUSTOMER_CONTACT,
			DataCluster.CUSTOMER_PERSONAL);

	private static final Set<DataCluster> PERSONAL = EnumSet.of(DataCluster.CUSTOMER_PERSONAL);

	static final Map<String, Set<DataCluster>> ACCOUNT = table(ALWAYS, "accountId", "accountCategory")
		.and(BASIC, "accountType", "accountNumberDisplay", "productName", "nickname", "status", "currency",
				"description", "accountOpenDate", "accountCloseDate")
		.and(DETAILED, "currentBalance", "availableBalance", "balanceAsOf", "openingDayBalance",
				"annualPercentageYield", "interestYtd", "term", "maturityDate", "availableCredit", "creditLine",
				"minimumPaymentAmount", "paymentDueDate", "lastPaymentAmount", "lastPaymentDate", "purchasesApr",
				"principalBalance", "interestRate", "originalPrincipal", "loanTerm", "nextPaymentAmount",
				"nextPaymentDate", "currentValue", "availableCashBalance", "fiAttributes")
		.and(EnumSet.of(DataCluster.INVESTMENTS), "holdings", "openOrders")
		.and(PAYMENT, "accountNumber")
		.build();

	static final Map<String, Set<DataCluster>> TRANSACTION = table(ALWAYS, "accountCategory", "accountId",
			"transactionId", "referenceTransactionId", "postedTimestamp", "transactionTimestamp", "description", "memo",
			"debitCreditMemo", "category", "subCategory", "status", "amount", "foreignAmount", "foreignCurrency",
			"lineItem", "payee", "checkNumber", "links")
		.and(EnumSet.of(DataCluster.IMAGES), "imageIds")
		.and(EnumSet.of(DataCluster.REWARDS), "reward")
		.build();

	static final Map<String, Set<DataCluster>> STATEMENT = table(ALWAYS, "accountId", "statementId", "statementDate",
			"description", "links", "status")
		.build();

	static final Map<String, Set<DataCluster>> PAYMENT_NETWORK = table(ALWAYS, "bankId", "identifier", "identifierType",
			"type", "transferIn", "transferOut", "supportsRequestForPayment", "transferLimits")
		.build();

	static final Map<String, Set<DataCluster>> CONTACT_DETAILS = table(CONTACT, "holders", "emails", "addresses",
			"telephones")
		.build();

	static final Map<String, Set<DataCluster>> CUSTOMER = table(ALWAYS, "customerId", "accounts")
		.and(CONTACT, "name", "email", "emails", "addresses", "telephones")
		.and(PERSONAL, "dateOfBirth", "taxId", "taxIdCountry", "governmentId")
		.build();

	static final Map<String, Set<DataCluster>> CUSTOMER_ACCOUNT = table(ALWAYS, "accountId", "relationship").build();

	/** The envelope of every list: cursor and links. */
	static final Set<String> PAGE_FIELDS = Set.of("page", "links");

	private FieldPolicy() {
	}

	/** Whether a field with these unlocking clusters shows under {@code granted}. */
	static boolean shows(Set<DataCluster> unlockedBy, Set<DataCluster> granted) {
		if (unlockedBy.isEmpty()) {
			return true;
		}
		for (DataCluster cluster : unlockedBy) {
			if (granted.contains(cluster)) {
				return true;
			}
		}
		return false;
	}

	private static Table table(Set<DataCluster> clusters, String... fields) {
		return new Table().and(clusters, fields);
	}

	private static final class Table {

		private final Map<String, Set<DataCluster>> fields = new HashMap<>();

		Table and(Set<DataCluster> clusters, String... names) {
			for (String name : names) {
				if (this.fields.put(name, Set.copyOf(clusters)) != null) {
					throw new IllegalStateException("Field " + name + " is mapped twice");
				}
			}
			return this;
		}

		Map<String, Set<DataCluster>> build() {
			return Map.copyOf(this.fields);
		}

	}

}
