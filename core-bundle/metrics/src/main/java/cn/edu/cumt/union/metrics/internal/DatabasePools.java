package cn.edu.cumt.union.metrics.internal;

import java.util.ArrayList;
import java.util.List;

import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * Reads the database pools from JMX: pax-jdbc's DBCP2 pools are Apache Commons Pool object pools, which
 * register themselves there (one per DataSource: the core's and each unit plugin's own), so no pool needs
 * to know about metrics.
 */
final class DatabasePools {

    /** pax-jdbc names them org.ops4j.pax.jdbc.pool.dbcp2:type=GenericObjectPool,name=<dataSourceName>; a plain Commons Pool in its own domain. */
    private static final String POOLS = "*:type=GenericObjectPool,*";

    record Pool(String name, int active, int idle, int max, int waiting) {
    }

    private DatabasePools() {
    }

    static List<Pool> read(MBeanServer mbeans) {
        List<Pool> pools = new ArrayList<>();
        try {
            for (ObjectName name : mbeans.queryNames(new ObjectName(POOLS), null)) {
                try {
                    pools.add(new Pool(name.getKeyProperty("name"), number(mbeans, name, "NumActive"),
                            number(mbeans, name, "NumIdle"), number(mbeans, name, "MaxTotal"), number(mbeans, name, "NumWaiters")));
                } catch (JMException gone) {
                    // a pool closed between the query and the read (a plugin removed): it has no figures now
                }
            }
        } catch (JMException e) {
            throw new IllegalStateException("Cannot query " + POOLS, e);
        }
        return pools;
    }

    private static int number(MBeanServer mbeans, ObjectName name, String attribute) throws JMException {
        Object value = mbeans.getAttribute(name, attribute);
        return value instanceof Number number ? number.intValue() : -1;
    }
}
