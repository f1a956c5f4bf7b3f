package org.courtyard.core.plugins;

/** A handle for one entry a plugin added to a registry; removing it takes the entry out again (Gerrit's RegistrationHandle). */
@FunctionalInterface
public interface Registration {
  void remove();
}
