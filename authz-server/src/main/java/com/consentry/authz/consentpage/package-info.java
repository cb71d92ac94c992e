/**
 * The consent page: tells the customer who asks, for what, for how long and with what
 * history, lets them pick accounts, and turns the decision into the FDX consent's state.
 */
@NullMarked
package com.consentry.authz.consentpage;

import org.jspecify.annotations.NullMarked;
