package com.consentry.sandbox.core;

import java.math.BigDecimal;

/**
 * An FDX investment holding.
 *
 * @param holdingId stable: {@code hold-<account>-<symbol>}
 * @param securityId the CUSIP
 * @param securityIdType {@code CUSIP}
 * @param symbol the ticker
 * @param holdingName the security's name
 * @param units shares held
 * @param marketValue units × current price
 * @param purchasedPrice average cost per share
 * @param currentUnitPrice today's price
 */
public record Holding(String holdingId, String securityId, String securityIdType, String symbol, String holdingName,
		BigDecimal units, BigDecimal marketValue, BigDecimal purchasedPrice, BigDecimal currentUnitPrice) {
}
