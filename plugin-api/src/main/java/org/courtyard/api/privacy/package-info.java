/** Privacy duties every tool takes part in: subject access and erasure. @since 2.0.0 */
package org.courtyard.api.privacy;
