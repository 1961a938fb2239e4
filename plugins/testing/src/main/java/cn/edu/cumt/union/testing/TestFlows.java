package cn.edu.cumt.union.testing;

import cn.edu.cumt.union.api.duty.Duties;
import cn.edu.cumt.union.api.flow.Flows;
import cn.edu.cumt.union.api.security.AccessControl;
import cn.edu.cumt.union.api.flow.StandardFlows;

/** The core's own {@link Flows} (the real rules, not a copy) on the access rule and duties a test gives it. */
public final class TestFlows {

    private TestFlows() {
    }

    /** E.g. {@code TestFlows.of(new FakeAccess(directory), new FakeDuties(directory))}. */
    public static Flows of(AccessControl access, Duties duties) {
        return new StandardFlows(access, duties);
    }
}
