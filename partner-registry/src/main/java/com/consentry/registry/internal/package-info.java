/**
 * The partner registry's hidden parts: the RFC 7591/7592 endpoint, software statement
 * verification against the trusted directory's keys, client metadata validation, and
 * storage. Other modules use the API package.
 */
@NullMarked
package com.consentry.registry.internal;

import org.jspecify.annotations.NullMarked;
