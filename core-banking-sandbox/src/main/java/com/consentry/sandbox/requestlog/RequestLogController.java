package com.consentry.sandbox.requestlog;

import java.util.List;
import java.util.Map;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /sandbox/requests}: {@code {"requests": [...]}}, oldest first;
 * {@code DELETE /sandbox/requests}: empties the log (204).
 */
@RestController
@RequestMapping("/sandbox/requests")
final class RequestLogController {

	private final RequestLog log;

	RequestLogController(RequestLog log) {
		this.log = log;
	}

	@GetMapping
	Map<String, List<RecordedRequest>> requests() {
		return Map.of("requests", this.log.entries());
	}

	@DeleteMapping
	ResponseEntity<Void> clear() {
		this.log.clear();
		return ResponseEntity.noContent().build();
	}

}
