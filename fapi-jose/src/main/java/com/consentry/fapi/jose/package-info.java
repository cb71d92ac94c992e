/**
 * Signature algorithms FAPI 2.0 allows, and signers and verifiers on the BouncyCastle
 * provider for EC (an order of magnitude faster than Java 17's SunEC).
 */
@NullMarked
package com.consentry.fapi.jose;

import org.jspecify.annotations.NullMarked;
