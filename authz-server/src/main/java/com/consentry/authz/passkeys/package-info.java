/**
 * What the bank admins' and the customers' passkeys share (Spring Security's WebAuthn
 * support): the relying party taken from the issuer, the pending enrolment in the shared
 * session, and the one table of passkey users split between admins and customers.
 */
@NullMarked
package com.consentry.authz.passkeys;

import org.jspecify.annotations.NullMarked;
