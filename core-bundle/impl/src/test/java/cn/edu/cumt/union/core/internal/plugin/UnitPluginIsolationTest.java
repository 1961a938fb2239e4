package cn.edu.cumt.union.core.internal.plugin;

import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.lang.reflect.Proxy;
import java.util.Map;

import org.junit.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;

/** Which services a unit plugin "outing" sees: its own data only, everything else as usual. */
public class UnitPluginIsolationTest {

    private final Bundle outing = bundle(1, new ServiceReference<?>[] {
        reference(null, Map.of("objectClass", new String[] { "javax.persistence.EntityManagerFactory" }, "osgi.unit.name", "union-outing")) });
    private final Bundle core = bundle(2, null);

    @Test
    public void ownDatabaseAndPersistenceUnitAreVisible() {
        assertTrue(visible(reference(core, Map.of("objectClass", new String[] { "javax.sql.DataSource" },
                "osgi.jndi.service.name", "union-plugin-outing"))));
        assertTrue(visible(reference(core, Map.of("objectClass", new String[] { "org.apache.aries.jpa.template.JpaTemplate" },
                "osgi.unit.name", "union-outing"))));
        assertTrue(visible(reference(outing, Map.of("objectClass", new String[] { "javax.persistence.EntityManagerFactory" },
                "osgi.unit.name", "union-outing"))));
    }

    @Test
    public void everyOtherDatabaseOrPersistenceUnitIsHidden() {
        assertFalse(visible(reference(core, Map.of("objectClass", new String[] { "javax.sql.DataSource" },
                "osgi.jndi.service.name", "union"))));
        assertFalse(visible(reference(core, Map.of("objectClass", new String[] { "javax.sql.DataSource" },
                "osgi.jndi.service.name", "union-plugin-other"))));
        assertFalse(visible(reference(core, Map.of("objectClass", new String[] { "org.apache.aries.jpa.template.JpaTemplate" },
                "osgi.unit.name", "union-core"))));
        assertFalse(visible(reference(core, Map.of("objectClass", new String[] { "org.osgi.service.jdbc.DataSourceFactory" },
                "osgi.jdbc.driver.name", "derby"))));
        assertFalse(visible(reference(core, Map.of("objectClass", new String[] { "javax.persistence.EntityManagerFactory" },
                "osgi.unit.name", "union-study"))));
    }

    @Test
    public void otherServicesAreUntouched() {
        assertTrue(visible(reference(core, Map.of("objectClass", new String[] { "cn.edu.cumt.union.api.directory.Directory" }))));
        assertTrue(visible(reference(core, Map.of("objectClass", new String[] { "javax.persistence.spi.PersistenceProvider" }))));
    }

    private boolean visible(ServiceReference<?> reference) {
        return UnitPluginIsolation.visible(outing, "outing", reference);
    }

    private static Bundle bundle(long id, ServiceReference<?>[] registered) {
        return (Bundle) Proxy.newProxyInstance(Bundle.class.getClassLoader(), new Class<?>[] { Bundle.class },
                (proxy, method, args) -> switch (method.getName()) {
                case "getBundleId" -> id;
                case "getRegisteredServices" -> registered;
                case "equals" -> proxy == args[0];
                case "hashCode" -> (int) id;
                default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private static ServiceReference<?> reference(Bundle owner, Map<String, Object> properties) {
        return (ServiceReference<?>) Proxy.newProxyInstance(ServiceReference.class.getClassLoader(),
                new Class<?>[] { ServiceReference.class }, (proxy, method, args) -> switch (method.getName()) {
                case "getBundle" -> owner;
                case "getProperty" -> properties.get(args[0]);
                case "equals" -> proxy == args[0];
                case "hashCode" -> System.identityHashCode(proxy);
                default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
