/**
 * Roster import: an importer parses one file (or zip) from a school's MIS into a canonical
 * {@link org.courtyard.api.roster.Roster}. The core does everything after parsing — matching by
 * external id, the preview of what would change, and the apply in one transaction.
 */
package org.courtyard.api.roster;
