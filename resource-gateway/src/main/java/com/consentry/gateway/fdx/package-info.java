/**
 * The FDX surface of the gateway: its endpoints, its error bodies and the interaction id
 * every response carries.
 */
@NullMarked
package com.consentry.gateway.fdx;

import org.jspecify.annotations.NullMarked;
