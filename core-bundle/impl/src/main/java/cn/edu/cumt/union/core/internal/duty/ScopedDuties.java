package cn.edu.cumt.union.core.internal.duty;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.apache.aries.jpa.template.JpaTemplate;
import org.osgi.service.component.ComponentContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ServiceScope;

import cn.edu.cumt.union.api.directory.Directory;
import cn.edu.cumt.union.api.directory.UnitDTO;
import cn.edu.cumt.union.api.duty.Duties;
import cn.edu.cumt.union.api.duty.DutyDTO;
import cn.edu.cumt.union.api.storage.SchemaReady;
import cn.edu.cumt.union.core.internal.directory.DirectoryImpl;

/**
 * The {@link Duties} service, one instance per using bundle. A unit's own plugin (header
 * {@code Union-Plugin-Unit}) learns only about the members and units its directory shows it: its unit and
 * the units below it, and of a member's duties only those whose scope covers its unit. Without this fence
 * a unit plugin could list who holds which duty anywhere in the university. The union's own bundles see all.
 */
@Component(service = Duties.class, scope = ServiceScope.BUNDLE)
public class ScopedDuties implements Duties {

    private final DutyService duties;
    /** What the using unit plugin may see, or {@code null} for the union's own bundles. */
    private final Directory view;

    @Activate
    public ScopedDuties(@Reference DutyService duties,
            @Reference(target = "(osgi.unit.name=union-core)") JpaTemplate jpa,
            @Reference(target = "(" + SchemaReady.SCHEMA_ID + "=core)") SchemaReady schema, ComponentContext context) {
        this(duties, scopeOf(jpa, DirectoryImpl.ownerOf(context)));
    }

    ScopedDuties(DutyService duties, Directory view) {
        this.duties = duties;
        this.view = view;
    }

    private static Directory scopeOf(JpaTemplate jpa, String ownerUnit) {
        return ownerUnit == null ? null : new DirectoryImpl(jpa, ownerUnit);
    }

    @Override
    public boolean holds(long memberId, String dutyCode, long unitId, LocalDate date) {
        return seesUnit(unitId) && seesMember(memberId) && duties.holds(memberId, dutyCode, unitId, date);
    }

    @Override
    public Set<Long> holders(String dutyCode, long unitId, LocalDate date) {
        if (!seesUnit(unitId)) {
            return Set.of();
        }
        Set<Long> holders = new LinkedHashSet<>(duties.holders(dutyCode, unitId, date));
        holders.removeIf(memberId -> !seesMember(memberId));
        return holders;
    }

    @Override
    public List<DutyDTO> heldBy(long memberId, LocalDate date) {
        if (!seesMember(memberId)) {
            return List.of();
        }
        List<DutyDTO> held = duties.heldBy(memberId, date);
        if (view == null) {
            return held;
        }
        // A duty for a unit it sees, or for one above its own unit (the university's, say), concerns it.
        Optional<UnitDTO> own = view.ownUnit();
        return held.stream().filter(d -> seesUnit(d.unitId())
                || own.map(unit -> duties.covers(d.unitId(), unit.id())).orElse(false)).toList();
    }

    private boolean seesUnit(long unitId) {
        return view == null || view.findUnit(unitId).isPresent();
    }

    private boolean seesMember(long memberId) {
        return view == null || view.findMember(memberId).isPresent();
    }
}
