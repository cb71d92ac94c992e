package com.consentry.gateway.anomaly;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

class RobustScoreTests {

	@Test
	@DisplayName("Modified z-score (Iglewicz-Hoaglin): (x - median) / (1.4826 MAD)")
	void scoreWhenSpreadThenModifiedZ() {
		// median 100, absolute deviations 20 10 0 10 20 -> MAD 10
		RobustScore baseline = RobustScore.of(new double[] { 80, 90, 100, 110, 120 });
		assertThat(baseline.median()).isEqualTo(100);
		assertThat(baseline.scale()).isCloseTo(14.826, within(1e-9));
		assertThat(baseline.score(150)).isCloseTo(50 / 14.826, within(1e-9));
	}

	@Test
	@DisplayName("One past burst in the history moves neither centre nor spread")
	void ofWhenOutlierInHistoryThenBaselineHolds() {
		RobustScore clean = RobustScore.of(new double[] { 80, 90, 100, 110, 120, 95, 105 });
		RobustScore withBurst = RobustScore.of(new double[] { 80, 90, 100, 110, 120, 95, 5000 });
		assertThat(withBurst.median()).isEqualTo(clean.median());
		assertThat(withBurst.scale()).isCloseTo(clean.scale(), within(clean.scale() * 0.35));
	}

	@Test
	@DisplayName("A perfectly regular history (MAD 0) scores against the counting noise, not zero")
	void ofWhenNoSpreadThenPoissonFloor() {
		RobustScore regular = RobustScore.of(new double[] { 400, 400, 400, 400 });
		assertThat(regular.scale()).isEqualTo(20);
		assertThat(regular.score(420)).isEqualTo(1);
		assertThat(RobustScore.of(new double[] { 0, 0, 0 }).score(30)).isEqualTo(30);
	}

	@Test
	void ofWhenEmptyThenRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> RobustScore.of(new double[0]));
	}

}
