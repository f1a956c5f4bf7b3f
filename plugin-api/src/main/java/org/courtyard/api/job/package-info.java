/** Scheduled work a tool declares with {@link org.courtyard.api.ToolBinder#job}. @since 2.0.0 */
package org.courtyard.api.job;
