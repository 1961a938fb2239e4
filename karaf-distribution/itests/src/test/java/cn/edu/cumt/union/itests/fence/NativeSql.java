package cn.edu.cumt.union.itests.fence;

/** An attack packed into a unit plugin by UnitPluginFenceIT: SQL text that calls Derby's file export. Never run. */
public class NativeSql {

    public int export(javax.persistence.EntityManager em) {
        return em.createNativeQuery("CALL SYSCS_UTIL.SYSCS_EXPORT_TABLE('SYS', 'SYSTABLES', 'stolen.csv', null, null, null)")
                .executeUpdate();
    }
}
