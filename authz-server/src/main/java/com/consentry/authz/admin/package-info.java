/**
 * The bank admin console under {@code /admin}: bank admins (a store apart from
 * customers), their sign-in with a password and a passkey, the console's own filter chain
 * and security context, and the structured record of every admin action. The pages live
 * in the sub-packages.
 */
@NullMarked
package com.consentry.authz.admin;

import org.jspecify.annotations.NullMarked;
