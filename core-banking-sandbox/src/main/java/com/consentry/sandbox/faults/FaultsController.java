package com.consentry.sandbox.faults;

import com.consentry.sandbox.fdx.FdxError;
import com.consentry.sandbox.fdx.FdxException;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code PUT /sandbox/faults} {@code {"delayMillis": int, "status": int}} sets the fault
 * (200 with it); {@code GET} shows it (204 when none); {@code DELETE} ends it (204). A
 * delay outside 0 to {@value Fault#MAX_DELAY_MILLIS} or a status outside 400 to 599 is
 * 400 {@code 401}, and the fault in force stays.
 */
@RestController
@RequestMapping("/sandbox/faults")
final class FaultsController {

	/** The body of a PUT; both members optional. */
	record FaultRequest(@Nullable Integer delayMillis, @Nullable Integer status) {
	}

	private final Faults faults;

	FaultsController(Faults faults) {
		this.faults = faults;
	}

	@PutMapping
	Fault set(@RequestBody FaultRequest request) {
		int delay = (request.delayMillis() != null) ? request.delayMillis() : 0;
		Integer status = request.status();
		if (delay < 0 || delay > Fault.MAX_DELAY_MILLIS) {
			throw new FdxException(FdxError.INVALID_INPUT, "delayMillis must be from 0 to " + Fault.MAX_DELAY_MILLIS);
		}
		if (status != null && (status < 400 || status > 599)) {
			throw new FdxException(FdxError.INVALID_INPUT, "status must be from 400 to 599");
		}
		Fault fault = new Fault(delay, status);
		this.faults.set(fault);
		return fault;
	}

	@GetMapping
	ResponseEntity<Fault> current() {
		Fault fault = this.faults.current();
		return (fault != null) ? ResponseEntity.ok(fault) : ResponseEntity.noContent().build();
	}

	@DeleteMapping
	ResponseEntity<Void> clear() {
		this.faults.clear();
		return ResponseEntity.noContent().build();
	}

}
