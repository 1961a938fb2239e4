package cn.edu.cumt.union.core.internal.auth;

import org.junit.After;
import org.junit.Before;

/** A fresh {@link AuthFixture} per test, with the first operator {@code admin} in place. */
abstract class WithInitialOperator {

    protected AuthFixture f;

    @Before
    public void createFixture() throws Exception {
        f = new AuthFixture();
        f.accounts.ensureInitialOperator(AuthFixture.ADMIN_PASSWORD);
    }

    @After
    public void closeFixture() throws Exception {
        f.close();
    }
}
