/**
 * The FAPI 2.0 authorization server. Each sub-package is one feature: {@code par},
 * {@code authorize}, {@code dpop}, {@code clientauth}, {@code jarm}, {@code token},
 * {@code introspection}, {@code metadata}, {@code keys}, {@code customer},
 * {@code consentpage}, {@code database}, {@code demo}.
 */
@NullMarked
package com.consentry.authz;

import org.jspecify.annotations.NullMarked;
