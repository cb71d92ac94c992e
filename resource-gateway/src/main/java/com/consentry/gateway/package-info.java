/**
 * The resource gateway application.
 */
@NullMarked
package com.consentry.gateway;

import org.jspecify.annotations.NullMarked;
