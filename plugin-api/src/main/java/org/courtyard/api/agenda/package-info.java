/**
 * What is waiting for a person and what is dated for them, as each tool knows it: the to-do lists of
 * home pages, the calendar and the iCalendar feed are made from every tool's {@link
 * org.courtyard.api.agenda.Agenda}. Since 2.2.0.
 */
package org.courtyard.api.agenda;
