package com.consentry.authz.admin.partners;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

import com.consentry.consent.ConsentStatus;
import com.consentry.registry.PartnerGovernance;
import com.consentry.registry.PartnerOrganisation;
import com.consentry.registry.PartnerStatus;
import com.consentry.registry.PartnerStatusChange;

/**
 * What a bank admin may do to a partner organisation from the console: each a status
 * change of {@link PartnerGovernance}, with the words the confirmation form uses to say
 * what it will do. Public for the pages' expressions only.
 */
public enum PartnerAction {

	APPROVE("approve", "Approve", PartnerStatus.ACTIVE, false) {
		@Override
		PartnerStatusChange apply(PartnerGovernance governance, String orgId, String actor, String reason) {
			return governance.approve(orgId, actor, reason);
		}

		@Override
		String effect(PartnerOrganisation organisation, Map<ConsentStatus, Long> consents) {
			return "lets " + applications(organisation) + " push authorization requests and obtain tokens.";
		}
	},

	SUSPEND("suspend", "Suspend", PartnerStatus.SUSPENDED, true) {
		@Override
		PartnerStatusChange apply(PartnerGovernance governance, String orgId, String actor, String reason) {
			return governance.suspend(orgId, actor, reason);
		}

		@Override
		String effect(PartnerOrganisation organisation, Map<ConsentStatus, Long> consents) {
			return "refuses new authorization, token and refresh requests of " + applications(organisation)
					+ " at once, and makes their tokens inactive at introspection. It keeps "
					+ consents(count(consents, ConsentStatus.ACTIVE)) + "; reactivating restores them.";
		}
	},

	REACTIVATE("reactivate", "Reactivate", PartnerStatus.ACTIVE, false) {
		@Override
		PartnerStatusChange apply(PartnerGovernance governance, String orgId, String actor, String reason) {
			return governance.reactivate(orgId, actor, reason);
		}

		@Override
		String effect(PartnerOrganisation organisation, Map<ConsentStatus, Long> consents) {
			return "lets " + applications(organisation) + " request authorizations and tokens again; the tokens of "
					+ "their " + consents(count(consents, ConsentStatus.ACTIVE)) + " work again until they expire.";
		}
	},

	REVOKE("revoke", "Revoke", PartnerStatus.REVOKED, true) {
		@Override
		PartnerStatusChange apply(PartnerGovernance governance, String orgId, String actor, String reason) {
			return governance.revoke(orgId, actor, reason);
		}

		@Override
		String effect(PartnerOrganisation organisation, Map<ConsentStatus, Long> consents) {
			long running = count(consents, ConsentStatus.ACTIVE) + count(consents, ConsentStatus.SUSPENDED);
			return "revokes " + consents(running) + " (FDX reason BUSINESS_RULE) with every token issued "
					+ "under them, and ends the registrations of " + applications(organisation)
					+ " for good. This cannot be undone.";
		}
	};

	private final String path;

	private final String verb;

	private final PartnerStatus target;

	private final boolean harmful;

	PartnerAction(String path, String verb, PartnerStatus target, boolean harmful) {
		this.path = path;
		this.verb = verb;
		this.target = target;
		this.harmful = harmful;
	}

	abstract PartnerStatusChange apply(PartnerGovernance governance, String orgId, String actor, String reason);

	/** What the action will do to this organisation now, as the form says it. */
	abstract String effect(PartnerOrganisation organisation, Map<ConsentStatus, Long> consents);

	static Optional<PartnerAction> ofPath(String path) {
		return Arrays.stream(values()).filter((action) -> action.path.equals(path)).findFirst();
	}

	/** Whether the action applies to an organisation in {@code status}. */
	boolean appliesTo(PartnerStatus status) {
		if (this == APPROVE) {
			return status == PartnerStatus.PENDING;
		}
		if (this == REACTIVATE) {
			return status == PartnerStatus.SUSPENDED;
		}
		return status.canMoveTo(this.target);
	}

	public String path() {
		return this.path;
	}

	public String verb() {
		return this.verb;
	}

	public boolean harmful() {
		return this.harmful;
	}

	/** The name in the record of admin actions. */
	String recordName() {
		return "PARTNER_" + name();
	}

	private static String applications(PartnerOrganisation organisation) {
		int n = organisation.software().size();
		return n + ((n == 1) ? " application" : " applications");
	}

	private static String consents(long n) {
		return n + ((n == 1) ? " active consent" : " active consents");
	}

	private static long count(Map<ConsentStatus, Long> consents, ConsentStatus status) {
		return consents.getOrDefault(status, 0L);
	}

}
