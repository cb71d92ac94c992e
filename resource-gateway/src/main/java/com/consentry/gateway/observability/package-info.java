/**
 * What the gateway tells about each request: a structured access record (log line and
 * application event for the audit trail) and Micrometer metrics.
 */
@NullMarked
package com.consentry.gateway.observability;

import org.jspecify.annotations.NullMarked;
