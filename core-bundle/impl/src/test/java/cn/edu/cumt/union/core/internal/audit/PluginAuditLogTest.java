package cn.edu.cumt.union.core.internal.audit;

import static org.junit.Assert.assertEquals;

import org.junit.Test;

/** A plugin's audit lines stay in its own namespace, whatever action it names. */
public class PluginAuditLogTest {

    @Test
    public void aPluginsOwnActionIsWrittenAsItIs() {
        assertEquals("outing.activity.create", new PluginAuditLog(null, "outing").own("outing.activity.create"));
    }

    @Test
    public void aPluginCannotWriteTheCoresOrAnotherPluginsAction() {
        PluginAuditLog outing = new PluginAuditLog(null, "outing");
        assertEquals("outing.account.role.grant", outing.own("account.role.grant"));
        assertEquals("outing.study.checkin", outing.own("study.checkin"));
        assertEquals("a look-alike prefix is no namespace", "outing.outingx.delete", outing.own("outingx.delete"));
        assertEquals("outing.", outing.own(null));
    }

    @Test
    public void theCoresBundlesWriteAsTheySay() {
        assertEquals("account.role.grant", new PluginAuditLog(null, (String) null).own("account.role.grant"));
    }
}
