package com.consentry.sandbox.requestlog;

import java.time.Instant;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The request log is a bounded ring. */
class RequestLogTests {

	private static RecordedRequest request(int n) {
		return new RecordedRequest("GET", "/fdx/v6/accounts/" + n, null, null, "id-" + n, Instant.EPOCH);
	}

	@Test
	@DisplayName("Oldest first; past its capacity the oldest entries go; clear empties it")
	void ring() {
		RequestLog log = new RequestLog(3);
		for (int n = 1; n <= 5; n++) {
			log.record(request(n));
		}
		assertThat(log.entries()).extracting(RecordedRequest::interactionId).containsExactly("id-3", "id-4", "id-5");
		log.clear();
		assertThat(log.entries()).isEmpty();
		assertThat(new RequestLog().entries()).isEmpty();
		assertThat(RequestLog.CAPACITY).isEqualTo(10_000);
	}

}
