package cn.edu.cumt.union.plugin.study.internal;

import javax.annotation.security.RolesAllowed;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import cn.edu.cumt.union.api.rest.RestDoc;
import cn.edu.cumt.union.api.rest.UnionResource;
import cn.edu.cumt.union.api.security.Roles;
import cn.edu.cumt.union.api.security.UnionPrincipal;

/** The calling member's own study record. */
@Component(service = StudyMemberResource.class)
@UnionResource
@Path("/me")
@Produces(MediaType.APPLICATION_JSON)
public class StudyMemberResource {

    private final StudyService study;

    @Activate
    public StudyMemberResource(@Reference StudyService study) {
        this.study = study;
    }

    @GET
    @Path("/record")
    @RolesAllowed(Roles.MEMBER)
    @RestDoc("我的学习记录 My study record")
    public StudyRecordDTO record(@Context SecurityContext sc) {
        return study.record(UnionPrincipal.of(sc));
    }
}
