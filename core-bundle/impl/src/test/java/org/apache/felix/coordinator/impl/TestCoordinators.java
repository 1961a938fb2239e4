package org.apache.felix.coordinator.impl;

import org.osgi.service.coordinator.Coordinator;

/** The real Felix coordinator (the one Karaf's jpa feature installs), outside OSGi for unit tests. */
public final class TestCoordinators {

    private TestCoordinators() {
    }

    public static Coordinator create() {
        return new CoordinatorImpl(null, new CoordinationMgr());
    }
}
