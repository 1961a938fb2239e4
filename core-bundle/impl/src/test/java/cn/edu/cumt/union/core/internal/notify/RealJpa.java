package cn.edu.cumt.union.core.internal.notify;

import org.apache.aries.jpa.support.impl.EMSupplierImpl;
import org.apache.aries.jpa.support.impl.ResourceLocalJpaTemplate;
import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.felix.coordinator.impl.TestCoordinators;
import org.osgi.service.coordinator.Coordinator;

import cn.edu.cumt.union.core.internal.org.TestDatabase;

/** The platform's transaction machinery outside OSGi: the Felix coordinator and Aries' RESOURCE_LOCAL JpaTemplate. */
public final class RealJpa {

    public final Coordinator coordinator = TestCoordinators.create();
    private final TestDatabase db;

    public RealJpa(TestDatabase db) {
        this.db = db;
    }

    /** A JpaTemplate of its own persistence unit name: its own entity manager in each coordination, as a plugin's. */
    public JpaTemplate template(String unitName) {
        return new ResourceLocalJpaTemplate(new EMSupplierImpl(unitName, db.emf, coordinator), coordinator);
    }

    public AfterCommit afterCommit() {
        return new AfterCommit(coordinator);
    }
}
