package com.consentry.registry;

import java.util.EnumSet;
import java.util.Set;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

class PartnerStatusTests {

	@ParameterizedTest
	@EnumSource(PartnerStatus.class)
	@DisplayName("Lifecycle: PENDING → ACTIVE | REVOKED; ACTIVE → SUSPENDED | REVOKED; SUSPENDED → ACTIVE | REVOKED; REVOKED final")
	void allowsExactlyTheLifecycleMoves(PartnerStatus from) {
		Set<PartnerStatus> allowed = switch (from) {
			case PENDING -> EnumSet.of(PartnerStatus.ACTIVE, PartnerStatus.REVOKED);
			case ACTIVE -> EnumSet.of(PartnerStatus.SUSPENDED, PartnerStatus.REVOKED);
			case SUSPENDED -> EnumSet.of(PartnerStatus.ACTIVE, PartnerStatus.REVOKED);
			case REVOKED -> EnumSet.noneOf(PartnerStatus.class);
		};
		for (PartnerStatus to : PartnerStatus.values()) {
			assertThat(from.canMoveTo(to)).as(from + " → " + to).isEqualTo(allowed.contains(to));
		}
	}

}
