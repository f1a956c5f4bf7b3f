/**
 * Courtyard's public plugin contract. Everything in {@code org.courtyard.api} and its
 * sub-packages is stable within a major {@link org.courtyard.api.CourtyardApi#VERSION}; plugins
 * compile against this module alone. Anything in {@code org.courtyard.core} is internal.
 */
package org.courtyard.api;
