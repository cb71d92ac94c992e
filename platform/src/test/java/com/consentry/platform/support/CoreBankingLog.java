package com.consentry.platform.support;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The sandbox core-banking system's request log and fault switch: what reached the core,
 * and making it fail.
 */
public final class CoreBankingLog {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final URI sandbox;

	public CoreBankingLog(URI sandbox) {
		this.sandbox = sandbox;
	}

	public void clear() {
		Partner.send(HttpRequest.newBuilder(this.sandbox.resolve("/sandbox/requests")).DELETE().build());
	}

	/** Every request the core received since the last {@link #clear()}. */
	public List<Map<String, Object>> requests() {
		String body = Partner.send(HttpRequest.newBuilder(this.sandbox.resolve("/sandbox/requests")).GET().build())
			.body();
		Map<String, List<Map<String, Object>>> log = JSON.readValue(body, new TypeReference<>() {
		});
		return log.get("requests");
	}

	/** Makes every FDX request to the core wait and/or fail. */
	public void fault(int delayMillis, Integer status) {
		String body = (status != null) ? "{\"delayMillis\":" + delayMillis + ",\"status\":" + status + "}"
				: "{\"delayMillis\":" + delayMillis + "}";
		Partner.send(HttpRequest.newBuilder(this.sandbox.resolve("/sandbox/faults"))
			.header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofString(body))
			.build());
	}

	public void healthy() {
		Partner.send(HttpRequest.newBuilder(this.sandbox.resolve("/sandbox/faults")).DELETE().build());
	}

}
