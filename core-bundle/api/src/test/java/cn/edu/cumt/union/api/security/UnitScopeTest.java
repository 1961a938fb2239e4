package cn.edu.cumt.union.api.security;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.util.List;
import java.util.Set;

import org.junit.Test;

public class UnitScopeTest {

    @Test
    public void allCoversEveryUnitAndHasNoListToForgetAbout() {
        assertTrue(UnitScope.all().isAll());
        assertTrue(UnitScope.all().covers(42L));
        assertFalse("no unit is not a unit", UnitScope.all().covers(null));
        try {
            UnitScope.all().unitIds();
            fail("all units has no list of ids");
        } catch (IllegalStateException expected) {
            // ask isAll() first
        }
    }

    @Test
    public void aListedScopeCoversOnlyItsUnitsAndAnEmptyOneNothing() {
        UnitScope two = UnitScope.of(List.of(1L, 2L));
        assertFalse(two.isAll());
        assertTrue(two.covers(2L));
        assertFalse(two.covers(3L));
        assertEquals(Set.of(1L, 2L), two.unitIds());
        assertEquals(UnitScope.none(), UnitScope.of(Set.of()));
        assertFalse(UnitScope.none().isAll());
        assertFalse(UnitScope.none().covers(1L));
    }
}
