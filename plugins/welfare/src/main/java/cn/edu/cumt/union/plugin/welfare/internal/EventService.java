package cn.edu.cumt.union.plugin.welfare.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import javax.persistence.EntityManager;
import javax.persistence.PersistenceException;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import cn.edu.cumt.union.api.audit.AuditLog;
import cn.edu.cumt.union.api.directory.Audience;
import cn.edu.cumt.union.api.directory.Directory;
import cn.edu.cumt.union.api.directory.MemberDTO;
import cn.edu.cumt.union.api.directory.MemberPlacement;
import cn.edu.cumt.union.api.directory.UnitDTO;
import cn.edu.cumt.union.api.rest.ApiException;
import cn.edu.cumt.union.api.rest.Fields;
import cn.edu.cumt.union.api.rest.PageDTO;
import cn.edu.cumt.union.api.security.AccessControl;
import cn.edu.cumt.union.api.security.UnionPrincipal;
import cn.edu.cumt.union.api.storage.SchemaReady;

/**
 * 女职工讲座、沙龙和单身职工联谊: events with sign-up for the members of the organiser unit (and below),
 * optionally of some categories. Members sign themselves up and opt out; for a social at any time, even
 * afterwards, and its sign-ups are listed (and counted) only to the organisers of that event.
 */
@Component(service = EventService.class)
public class EventService {

    static final String TARGET_TYPE = "WelfareEvent";
    static final int MAX_CAPACITY = 100_000;
    static final int MAX_LISTED = 500;

    private final JpaTemplate jpa;
    private final Directory directory;
    private final AccessControl access;
    private final AuditLog audit;
    private final Clock clock;

    @Activate
    public EventService(@Reference(target = "(osgi.unit.name=union-welfare)") JpaTemplate jpa,
            @Reference(target = "(" + SchemaReady.SCHEMA_ID + "=welfare)") SchemaReady schema,
            @Reference Directory directory, @Reference AccessControl access, @Reference AuditLog audit) {
        this(jpa, directory, access, audit, Clock.systemUTC());
    }

    EventService(JpaTemplate jpa, Directory directory, AccessControl access, AuditLog audit, Clock clock) {
        this.jpa = jpa;
        this.directory = directory;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
    }

    /** 发布活动: an administrator of the organiser unit, or a union administrator. */
    public EventDTO create(UnionPrincipal caller, EventEditDTO input) {
        Fields.body(input);
        if (input.kind() == null) {
            throw ApiException.missingField("kind");
        }
        String title = Fields.text("title", input.title(), WelfareInputs.MAX_TITLE, true);
        String description = Fields.text("description", input.description(), WelfareInputs.MAX_TEXT, false);
        String place = Fields.text("place", input.place(), WelfareInputs.MAX_TITLE, false);
        Instant starts = Fields.time("startsAt", input.startsAt());
        Instant ends = Fields.time("endsAt", input.endsAt());
        if (!ends.isAfter(starts)) {
            throw ApiException.invalidField("endsAt", "应晚于开始时间", "must be after startsAt");
        }
        if (input.organiserUnitId() == null) {
            throw ApiException.missingField("organiserUnitId");
        }
        UnitDTO unit = directory.findUnit(input.organiserUnitId()).orElse(null);
        if (unit == null || unit.retired()) {
            throw ApiException.invalidField("organiserUnitId", "单位不存在", "unknown unit " + input.organiserUnitId());
        }
        if (!access.canManageUnit(caller, unit.id())) {
            throw ApiException.forbidden("welfare.unit-not-managed", "无权以该单位名义组织活动",
                    "You may not organise events for this unit");
        }
        List<String> categories = WelfareInputs.categories("categories", input.categories());
        Integer capacity = input.capacity() == null ? null : Fields.number("capacity", input.capacity(), 1, MAX_CAPACITY);
        Instant now = clock.instant();
        EventDTO created = jpa.txExpr(TransactionType.Required, em -> {
            EventEntity event = new EventEntity(caller.username(), now);
            event.kind = input.kind();
            event.title = title;
            event.description = description;
            event.place = place;
            event.startsAt = starts;
            event.endsAt = ends;
            event.organiserUnitId = unit.id();
            event.categories = WelfareInputs.join(categories);
            event.capacity = capacity;
            em.persist(event);
            em.flush();
            return dto(em, event, caller, placement(caller));
        });
        audit.record("welfare.event.create", TARGET_TYPE, String.valueOf(created.id()), input.kind() + " " + title);
        return created;
    }

    /** The events the caller is invited to or organises, latest first (the 500 latest are considered). */
    public PageDTO<EventDTO> list(UnionPrincipal caller, int offset, int limit) {
        MemberPlacement me = placement(caller);
        return jpa.txExpr(TransactionType.Required, em -> {
            List<EventEntity> visible = new ArrayList<>();
            for (EventEntity event : em.createQuery("select e from EventEntity e order by e.startsAt desc, e.id desc",
                    EventEntity.class).setMaxResults(MAX_LISTED).getResultList()) {
                if (organises(caller, event) || invited(me, event)) {
                    visible.add(event);
                }
            }
            List<EventDTO> page = visible.stream().skip(offset).limit(limit).map(e -> dto(em, e, caller, me)).toList();
            return new PageDTO<>(page, visible.size(), offset, limit);
        });
    }

    public EventDTO get(UnionPrincipal caller, long id) {
        MemberPlacement me = placement(caller);
        return jpa.txExpr(TransactionType.Required, em -> dto(em, visible(em, caller, me, id), caller, me));
    }

    /** 报名: an invited member for themselves, before the start, within the capacity; a second call answers the first. */
    public EventDTO signUp(UnionPrincipal caller, long id) {
        long memberId = memberOf(caller);
        MemberPlacement me = placement(caller);
        Instant now = clock.instant();
        EventDTO result;
        try {
            result = jpa.txExpr(TransactionType.Required, em -> {
                EventEntity event = visible(em, caller, me, id);
                if (!invited(me, event)) {
                    throw ApiException.conflict("welfare.event.not-invited", "本活动不面向您", "You are not invited to this event");
                }
                if (signup(em, id, memberId) == null) {
                    if (!now.isBefore(event.startsAt)) {
                        throw ApiException.conflict("welfare.event.started", "活动已开始，报名已截止", "The event has started");
                    }
                    if (event.capacity != null && count(em, id) >= event.capacity) {
                        throw ApiException.conflict("welfare.event.full", "名额已满", "The event is full");
                    }
                    em.persist(new EventSignupEntity(id, memberId, now));
                    em.flush();
                }
                return dto(em, event, caller, me);
            });
        } catch (PersistenceException twice) {
            result = get(caller, id);
        }
        audit.record("welfare.event.signup", TARGET_TYPE, String.valueOf(id), null);
        return result;
    }

    /** 退出: the member's own sign-up goes; for a social at any time, for others before the start. */
    public void optOut(UnionPrincipal caller, long id) {
        long memberId = memberOf(caller);
        MemberPlacement me = placement(caller);
        Instant now = clock.instant();
        boolean removed = jpa.txExpr(TransactionType.Required, em -> {
            EventEntity event = em.find(EventEntity.class, id);
            EventSignupEntity signup = event == null ? null : signup(em, id, memberId);
            if (signup == null) {
                visible(em, caller, me, id); // 404 for an event the caller may not know of
                return false;
            }
            if (event.kind != EventKind.SOCIAL && !now.isBefore(event.startsAt)) {
                throw ApiException.conflict("welfare.event.started", "活动已开始，不能取消报名", "The event has started");
            }
            em.remove(signup);
            return true;
        });
        if (removed) {
            audit.record("welfare.event.opt-out", TARGET_TYPE, String.valueOf(id), null);
        }
    }

    /** 报名名单: the event's organisers only. */
    public List<EventSignupDTO> signups(UnionPrincipal caller, long id) {
        MemberPlacement me = placement(caller);
        return jpa.txExpr(TransactionType.Required, em -> {
            EventEntity event = visible(em, caller, me, id);
            if (!organises(caller, event)) {
                throw ApiException.forbidden("welfare.event.organisers-only", "报名名单仅对活动组织者可见",
                        "Only the event's organisers see its sign-ups");
            }
            List<EventSignupDTO> rows = new ArrayList<>();
            for (EventSignupEntity s : em.createQuery("select s from EventSignupEntity s where s.eventId = :event"
                    + " order by s.signedAt, s.id", EventSignupEntity.class).setParameter("event", id).getResultList()) {
                MemberDTO member = directory.findMember(s.memberId).orElse(null);
                rows.add(new EventSignupDTO(s.memberId, member == null ? "" : member.staffNo(),
                        member == null ? "#" + s.memberId : member.name(), member == null ? 0 : member.unitId(), s.signedAt));
            }
            return rows;
        });
    }

    // ---- pieces ----

    private boolean organises(UnionPrincipal caller, EventEntity event) {
        return access.canManageUnit(caller, event.organiserUnitId);
    }

    private static boolean invited(MemberPlacement me, EventEntity event) {
        return me != null && audience(event).includes(me);
    }

    static Audience audience(EventEntity event) {
        return Audience.units(List.of(event.organiserUnitId), true).withCategories(WelfareInputs.split(event.categories));
    }

    private MemberPlacement placement(UnionPrincipal caller) {
        return caller.memberId() == null ? null : directory.placement(caller.memberId()).orElse(null);
    }

    private EventEntity visible(EntityManager em, UnionPrincipal caller, MemberPlacement me, long id) {
        EventEntity event = em.find(EventEntity.class, id);
        if (event == null || !organises(caller, event) && !invited(me, event)
                && (me == null || signup(em, id, me.member().id()) == null)) {
            throw ApiException.notFound("welfare.event.not-found", "活动 " + id + " 不存在", "Event " + id + " not found");
        }
        return event;
    }

    private EventDTO dto(EntityManager em, EventEntity event, UnionPrincipal caller, MemberPlacement me) {
        boolean organiser = organises(caller, event);
        boolean mine = me != null && signup(em, event.id, me.member().id()) != null;
        Integer signedUp = organiser || event.kind != EventKind.SOCIAL ? (int) count(em, event.id) : null;
        return new EventDTO(event.id, event.kind, event.kind.label(), event.title, event.description, event.place,
                event.startsAt, event.endsAt, event.organiserUnitId,
                directory.findUnit(event.organiserUnitId).map(UnitDTO::name).orElse("#" + event.organiserUnitId),
                WelfareInputs.split(event.categories), event.capacity, signedUp, organiser, mine);
    }

    private static long count(EntityManager em, long eventId) {
        return em.createQuery("select count(s) from EventSignupEntity s where s.eventId = :event", Long.class)
                .setParameter("event", eventId).getSingleResult();
    }

    private static EventSignupEntity signup(EntityManager em, long eventId, long memberId) {
        return em.createQuery("select s from EventSignupEntity s where s.eventId = :event and s.memberId = :member",
                EventSignupEntity.class).setParameter("event", eventId).setParameter("member", memberId)
                .getResultStream().findFirst().orElse(null);
    }

    private static long memberOf(UnionPrincipal caller) {
        if (caller.memberId() == null) {
            throw ApiException.forbidden("welfare.members-only", "仅会员本人可以报名", "Only members sign up, for themselves");
        }
        return caller.memberId();
    }
}
