/**
 * The sandbox core-banking upstream: stands in for the bank's core system behind the
 * resource gateway in the default run and the tests. It serves the FDX v6 account APIs
 * for whatever it is asked, without authentication or consent (all enforcement is the
 * gateway's), and therefore only ever binds to a loopback address.
 */
@NullMarked
package com.consentry.sandbox;

import org.jspecify.annotations.NullMarked;
