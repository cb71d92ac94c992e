/**
 * Demo data for the default run only ({@code consentry.demo.enabled}): customers with
 * accounts in the sandbox bank, and the start-up banner with URLs and credentials.
 */
@NullMarked
package com.consentry.authz.demo;

import org.jspecify.annotations.NullMarked;
