package cn.edu.cumt.union.core.internal.ballot;

import java.util.List;
import java.util.Optional;

import org.apache.aries.jpa.template.JpaTemplate;
import org.osgi.framework.Bundle;
import org.osgi.service.component.ComponentContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ServiceScope;

import cn.edu.cumt.union.api.ballot.BallotDTO;
import cn.edu.cumt.union.api.ballot.BallotDefinition;
import cn.edu.cumt.union.api.ballot.Ballots;
import cn.edu.cumt.union.api.ballot.TallyDTO;
import cn.edu.cumt.union.api.directory.Audience;
import cn.edu.cumt.union.api.directory.Directory;
import cn.edu.cumt.union.api.plugin.PluginHeaders;
import cn.edu.cumt.union.api.rest.ApiException;
import cn.edu.cumt.union.api.storage.SchemaReady;
import cn.edu.cumt.union.core.internal.directory.DirectoryImpl;

/**
 * The {@link Ballots} service, one instance per using bundle: the bundle owns the ballots it creates (by its
 * plugin id) and sees no other. A unit's own plugin ({@code Union-Plugin-Unit}) may only create ballots for
 * an audience of units it sees (its unit and those below): never every member, never a duty alone, else it
 * could poll the whole university.
 */
@Component(service = Ballots.class, scope = ServiceScope.BUNDLE)
public class ScopedBallots implements Ballots {

    private final BallotService ballots;
    private final String owner;
    /** What the using unit plugin may see, or {@code null} for the union's own bundles. */
    private final Directory view;

    @Activate
    public ScopedBallots(@Reference BallotService ballots,
            @Reference(target = "(osgi.unit.name=union-core)") JpaTemplate jpa,
            @Reference(target = "(" + SchemaReady.SCHEMA_ID + "=core)") SchemaReady schema, ComponentContext context) {
        this(ballots, ownerOf(context.getUsingBundle()), scopeOf(jpa, DirectoryImpl.ownerOf(context)));
    }

    ScopedBallots(BallotService ballots, String owner, Directory view) {
        this.ballots = ballots;
        this.owner = owner;
        this.view = view;
    }

    /** The plugin id of the bundle, or its symbolic name when it is not a plugin; never {@code core}. */
    static String ownerOf(Bundle bundle) {
        String id = bundle == null ? null : bundle.getHeaders("").get(PluginHeaders.ID);
        String name = id != null && !id.isBlank() ? id.trim() : "bundle:" + (bundle == null ? "?" : bundle.getSymbolicName());
        return name.length() > 40 ? name.substring(0, 40) : name;
    }

    private static Directory scopeOf(JpaTemplate jpa, String ownerUnit) {
        return ownerUnit == null ? null : new DirectoryImpl(jpa, ownerUnit);
    }

    @Override
    public BallotDTO create(BallotDefinition definition) {
        if (view != null) {
            Audience audience = definition == null ? null : definition.audience();
            if (audience == null || audience.allUnits() || audience.unitIds().isEmpty()
                    || !audience.unitIds().stream().allMatch(unit -> view.findUnit(unit).isPresent())) {
                throw ApiException.forbidden("ballot.outside-unit", "单位插件只能面向本单位的会员发起投票",
                        "A unit's plugin may only open ballots to members of its own unit");
            }
        }
        return ballots.create(owner, owner, definition);
    }

    @Override
    public BallotDTO close(long ballotId) {
        return ballots.close(owner, ballotId, owner);
    }

    @Override
    public Optional<BallotDTO> find(long ballotId) {
        return ballots.find(ballotId).filter(b -> b.owner().equals(owner));
    }

    @Override
    public List<BallotDTO> list() {
        return ballots.list(owner);
    }

    @Override
    public Optional<TallyDTO> tally(long ballotId) {
        return find(ballotId).flatMap(b -> ballots.tally(b.id()));
    }

    @Override
    public boolean hasVoted(long ballotId, long memberId) {
        return find(ballotId).isPresent() && ballots.hasVoted(ballotId, memberId);
    }
}
