/**
 * The authorization endpoint: only pushed requests get in; the customer's consent
 * decision drives the FDX consent; responses and errors leave through JARM or with
 * {@code iss}.
 */
@NullMarked
package com.consentry.authz.authorize;

import org.jspecify.annotations.NullMarked;
