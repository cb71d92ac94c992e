/**
 * Field-level enforcement: what of a core-banking answer a consent lets through.
 */
@NullMarked
package com.consentry.gateway.shaping;

import org.jspecify.annotations.NullMarked;
