package cn.edu.cumt.union.core.internal.ui;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import cn.edu.cumt.union.api.security.AccessControl;
import cn.edu.cumt.union.api.security.Roles;
import cn.edu.cumt.union.api.security.UnionPrincipal;
import cn.edu.cumt.union.core.internal.ui.PageModel.Page;

/**
 * Which declared pages a caller may open. An operator gets every page; anyone else a page that names
 * one of their roles. A unit plugin serves only its own unit: its {@code member} pages go to members
 * of that unit and the units below, its {@code unit-admin} pages to those who may manage that unit
 * ({@link AccessControl#canManageUnit}). Pages decide nothing: this only keeps entries out of menus
 * that would answer 403 or 404; each call is still checked by the plugin's endpoint.
 */
final class PageFilter {

    /** Where a unit's code is looked up, and whether a unit lies below (or is) another. */
    interface Units {
        Optional<Long> idOf(String code);

        boolean isSelfOrAncestor(long ancestor, long unitId);
    }

    private final AccessControl access;

    PageFilter(AccessControl access) {
        this.access = access;
    }

    /** @return the pages of {@code entry} that {@code caller} may open, in the declared order */
    List<Page> visible(PageRegistry.Entry entry, UnionPrincipal caller, Units units) {
        if (caller.hasRole(Roles.OPERATOR)) {
            return entry.pages().pages();
        }
        Function<String, Boolean> holds = role -> caller.hasRole(role);
        if (entry.unitPlugin()) {
            Optional<Long> owner = units.idOf(entry.ownerUnit());
            holds = role -> switch (role) {
            case Roles.MEMBER -> caller.hasRole(Roles.MEMBER) && caller.memberUnitId() != null && owner.isPresent()
                    && units.isSelfOrAncestor(owner.get(), caller.memberUnitId());
            case Roles.UNIT_ADMIN -> owner.isPresent() && access.canManageUnit(caller, owner.get());
            default -> caller.hasRole(role);
            };
        }
        Function<String, Boolean> test = holds;
        return entry.pages().pages().stream().filter(page -> page.roles().stream().anyMatch(test::apply)).toList();
    }
}
