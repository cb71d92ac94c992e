package com.consentry.consent;

/** FDX {@code ConsentResourceType}. */
public enum ResourceType {

	ACCOUNT, CUSTOMER, DOCUMENT

}
