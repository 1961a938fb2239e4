package cn.edu.cumt.union.core.internal.ui;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import javax.annotation.security.RolesAllowed;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.CacheControl;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.EntityTag;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Request;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import com.fasterxml.jackson.core.JsonProcessingException;

import cn.edu.cumt.union.api.rest.RestDoc;
import cn.edu.cumt.union.api.rest.UnionResource;
import cn.edu.cumt.union.api.security.AccessControl;
import cn.edu.cumt.union.api.security.Roles;
import cn.edu.cumt.union.api.security.UnionPrincipal;
import cn.edu.cumt.union.core.internal.org.OrganisationService;
import cn.edu.cumt.union.core.internal.org.UnitTree;
import cn.edu.cumt.union.core.internal.rest.JsonProvider;
import cn.edu.cumt.union.core.internal.ui.PageModel.Page;

/**
 * {@code GET /api/ui/pages}: the pages of the installed plugins that the caller may open, with an
 * {@code ETag} of exactly this answer, so that the app's poll costs a 304 while nothing changed.
 */
@Component(service = UiPagesResource.class)
@UnionResource
@Path("/ui/pages")
@Produces(MediaType.APPLICATION_JSON)
public class UiPagesResource {

    /** How long the unit tree that unit plugins' pages are scoped by is reused. */
    static final long TREE_MAX_AGE_NANOS = 5_000_000_000L;

    private final PageRegistry registry;
    private final OrganisationService organisation;
    private final PageFilter filter;
    private volatile CachedTree tree;

    private record CachedTree(UnitTree tree, long takenAt) {
    }

    @Activate
    public UiPagesResource(@Reference PageRegistry registry, @Reference OrganisationService organisation,
            @Reference AccessControl access) {
        this.registry = registry;
        this.organisation = organisation;
        this.filter = new PageFilter(access);
    }

    @GET
    @RolesAllowed({ Roles.MEMBER, Roles.UNIT_ADMIN, Roles.UNION_ADMIN, Roles.OPERATOR })
    @RestDoc(value = "我可打开的插件页面 The plugin pages I may open", entity = UiPagesDTO.class, alsoStatus = 304)
    public Response pages(@Context SecurityContext sc, @Context Request request) {
        UnionPrincipal caller = UnionPrincipal.of(sc);
        UiPagesDTO answer = pagesFor(caller);
        EntityTag tag = new EntityTag(digest(answer));
        CacheControl cache = new CacheControl();
        cache.setNoCache(true);
        cache.setPrivate(true);
        Response.ResponseBuilder unchanged = request.evaluatePreconditions(tag);
        if (unchanged != null) {
            return unchanged.cacheControl(cache).tag(tag).build();
        }
        return Response.ok(answer).tag(tag).cacheControl(cache).build();
    }

    UiPagesDTO pagesFor(UnionPrincipal caller) {
        String version = registry.version(); // read first: a change meanwhile gives a newer version next time
        PageFilter.Units units = new PageFilter.Units() {
            @Override
            public Optional<Long> idOf(String code) {
                return tree().findByCode(code).map(unit -> unit.id());
            }

            @Override
            public boolean isSelfOrAncestor(long ancestor, long unitId) {
                return tree().isSelfOrAncestor(ancestor, unitId);
            }
        };
        List<UiPluginDTO> plugins = new ArrayList<>();
        for (PageRegistry.Entry entry : registry.entries()) {
            List<Page> pages = filter.visible(entry, caller, units);
            if (!pages.isEmpty()) {
                plugins.add(new UiPluginDTO(entry.pluginId(), entry.pages().title(), entry.pages().icon(), entry.pages().order(),
                        pages));
            }
        }
        return new UiPagesDTO(version, plugins);
    }

    private UnitTree tree() {
        CachedTree cached = tree;
        if (cached == null || System.nanoTime() - cached.takenAt() > TREE_MAX_AGE_NANOS) {
            cached = new CachedTree(organisation.tree(), System.nanoTime());
            tree = cached;
        }
        return cached.tree();
    }

    static String digest(UiPagesDTO answer) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(JsonProvider.MAPPER.writeValueAsBytes(answer));
            return HexFormat.of().formatHex(hash, 0, 16);
        } catch (JsonProcessingException | NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
