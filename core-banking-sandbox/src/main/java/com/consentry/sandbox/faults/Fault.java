package com.consentry.sandbox.faults;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * What every {@code /fdx/**} request suffers while the fault is set.
 *
 * @param delayMillis how long each request waits before it is served (0 to
 * {@value #MAX_DELAY_MILLIS})
 * @param status the status each request then fails with (400 to 599), or {@code null} to
 * serve it normally after the delay
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Fault(int delayMillis, @Nullable Integer status) {

	/** The longest delay: a minute is past every client's patience. */
	public static final int MAX_DELAY_MILLIS = 60_000;

}
