package cn.edu.cumt.union.core.internal.member;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import javax.persistence.EntityManager;
import javax.persistence.TypedQuery;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import cn.edu.cumt.union.api.audit.AuditLog;
import cn.edu.cumt.union.api.directory.MemberDTO;
import cn.edu.cumt.union.api.directory.MemberStatus;
import cn.edu.cumt.union.api.directory.UnitDTO;
import cn.edu.cumt.union.api.directory.UnitKind;
import cn.edu.cumt.union.api.rest.ApiException;
import cn.edu.cumt.union.api.rest.PageDTO;
import cn.edu.cumt.union.api.security.UnitScope;
import cn.edu.cumt.union.api.storage.LockConflicts;
import cn.edu.cumt.union.api.storage.SchemaReady;
import cn.edu.cumt.union.core.internal.member.MemberRules.Problem;
import cn.edu.cumt.union.core.internal.org.UnitTree;
import cn.edu.cumt.union.core.internal.audit.RequestContext;
import cn.edu.cumt.union.core.internal.storage.LikePrefix;

/** Members: search, edits, transfers and status changes, always within the caller's unit scope. */
@Component(service = MemberService.class)
public class MemberService {

    private final JpaTemplate jpa;
    private final AuditLog audit;
    private final SearchTotals totals = new SearchTotals(System::nanoTime);

    @Activate
    public MemberService(@Reference(target = "(osgi.unit.name=union-core)") JpaTemplate jpa,
            @Reference(target = "(" + SchemaReady.SCHEMA_ID + "=core)") SchemaReady schema, @Reference AuditLog audit) {
        this(jpa, audit);
    }

    public MemberService(JpaTemplate jpa, AuditLog audit) {
        this.jpa = jpa;
        this.audit = audit;
    }

    /**
     * Members matching the filters inside the scope: a search by name is ordered by name, then staff number;
     * anything else by staff number. Either order is an index's own order, so a page reads only its rows.
     */
    public PageDTO<MemberDTO> search(UnitScope scope, MemberQuery query, int offset, int limit) {
        checkCategory(query.category());
        return jpa.txExpr(TransactionType.Required, em -> {
            Filter filter = filter(em, scope, query);
            if (filter == null) {
                return new PageDTO<>(List.of(), 0, offset, limit);
            }
            // The DTO's columns, not entities: no entity copies, and Derby converts no timestamps that the
            // page does not show (converting dates was a third of Derby's work per page).
            TypedQuery<Object[]> page = em.createQuery("select " + DTO_COLUMNS + " from MemberEntity m"
                    + filter.where + filter.order, Object[].class);
            filter.parameters.forEach(page::setParameter);
            List<Object[]> rows = page.setFirstResult(offset).setMaxResults(limit).getResultList();
            Map<Long, Set<String>> categories = categories(em, rows.stream().map(row -> (Long) row[0]).toList());
            List<MemberDTO> items = rows.stream().map(row -> new MemberDTO((Long) row[0], (String) row[1],
                    (String) row[2], (String) row[3], (LocalDate) row[4], (String) row[5], (String) row[6],
                    (Long) row[7], (Long) row[8], (MemberStatus) row[9], (LocalDate) row[10],
                    Set.copyOf(categories.getOrDefault((Long) row[0], Set.of())))).toList();
            return new PageDTO<>(items, total(em, filter), offset, limit);
        });
    }

    private static final String DTO_COLUMNS = "m.id, m.staffNo, m.name, m.gender, m.birthDate, m.phone, m.email,"
            + " m.unitId, m.groupId, m.status, m.joinDate";

    /** @return the categories of these members, by member id (members without any are absent) */
    private static Map<Long, Set<String>> categories(EntityManager em, List<Long> ids) {
        Map<Long, Set<String>> categories = new HashMap<>();
        if (!ids.isEmpty()) {
            em.createQuery("select m.id, c from MemberEntity m join m.categories c where m.id in :ids", Object[].class)
                    .setParameter("ids", ids).getResultList()
                    .forEach(row -> categories.computeIfAbsent((Long) row[0], id -> new TreeSet<>()).add((String) row[1]));
        }
        return categories;
    }

    /** The number of members matching, remembered for the next page of the same search. */
    private long total(EntityManager em, Filter filter) {
        String key = filter.key();
        long known = totals.get(key);
        if (known >= 0) {
            return known;
        }
        long generation = totals.generation();
        TypedQuery<Long> count = em.createQuery("select count(m) from MemberEntity m" + filter.where, Long.class);
        filter.parameters.forEach(count::setParameter);
        long total = count.getSingleResult();
        totals.put(key, generation, total);
        return total;
    }

    /** Every member matching, for the export, ordered by staff number. */
    public List<MemberDTO> all(UnitScope scope, MemberQuery query) {
        checkCategory(query.category());
        return jpa.txExpr(TransactionType.Required, em -> {
            Filter filter = filter(em, scope, query);
            if (filter == null) {
                return List.<MemberDTO>of();
            }
            TypedQuery<MemberEntity> all = em.createQuery(
                    "select m from MemberEntity m" + filter.where + BY_STAFF_NO, MemberEntity.class);
            filter.parameters.forEach(all::setParameter);
            return all.setHint("eclipselink.batch.type", "IN").setHint("eclipselink.batch", "m.categories")
                    .getResultList().stream().map(MemberEntity::toDTO).toList();
        });
    }

    private static final String BY_STAFF_NO = " order by m.staffNo";
    /** The order of the index IX_MEMBER_NAME_NO (changeset core-2-member-search). */
    private static final String BY_NAME = " order by m.name, m.staffNo";

    private record Filter(String where, String order, Map<String, Object> parameters) {

        /** The same for the same search, whatever order its sets of unit ids were built in. */
        String key() {
            StringBuilder key = new StringBuilder(where);
            new TreeMap<>(parameters).forEach((name, value) -> key.append('|').append(name).append('=')
                    .append(value instanceof Collection<?> c ? new TreeSet<>(c) : value));
            return key.toString();
        }
    }

    /** @return the JPQL filter and order, or {@code null} when nothing can match */
    private static Filter filter(EntityManager em, UnitScope scope, MemberQuery query) {
        StringBuilder where = new StringBuilder(" where 1 = 1");
        String order = BY_STAFF_NO;
        Map<String, Object> parameters = new HashMap<>();
        if (!scope.isAll()) {
            if (scope.unitIds().isEmpty()) {
                return null;
            }
            where.append(" and (m.unitId in :scope or m.groupId in :scope)");
            parameters.put("scope", scope.unitIds());
        }
        if (query.unitId() != null) {
            Set<Long> units = UnitTree.load(em).withDescendants(query.unitId());
            if (units.isEmpty()) {
                return null;
            }
            where.append(" and (m.unitId in :units or m.groupId in :units)");
            parameters.put("units", units);
        }
        if (query.q() != null && !query.q().isBlank()) {
            // Searched as typed: % and _ are characters here, not LIKE wildcards (q=% matches no one).
            String text = query.q().trim();
            String end = prefixEnd(text);
            String like = " like :q" + LikePrefix.ESCAPE;
            // One column when the text says which: an OR of two LIKEs makes Derby scan every member.
            if (text.chars().allMatch(Character::isDigit)) {
                where.append(end == null ? " and m.staffNo" + like : " and m.staffNo >= :q and m.staffNo < :qEnd");
            } else if (text.chars().anyMatch(c -> c > 127)) {
                where.append(end == null ? " and m.name" + like : " and m.name >= :q and m.name < :qEnd");
                order = BY_NAME;
            } else {
                where.append(" and (m.name" + like + " or m.staffNo" + like + ")");
                end = null;
            }
            // A range is the index's own start and stop key: Derby checks "LIKE ?" again on every row.
            parameters.put("q", end == null ? LikePrefix.of(text) : text);
            if (end != null) {
                parameters.put("qEnd", end);
            }
        }
        if (query.status() != null) {
            where.append(" and m.status = :status");
            parameters.put("status", query.status());
        }
        if (query.category() != null) {
            where.append(" and :category member of m.categories");
            parameters.put("category", query.category());
        }
        return new Filter(where.toString(), order, parameters);
    }

    /**
     * @return the smallest string above every string that starts with {@code prefix} (its last character
     *         plus one), or {@code null} when there is none that is safe to compare (empty, or ending in a
     *         surrogate or the highest character)
     */
    static String prefixEnd(String prefix) {
        if (prefix.isEmpty()) {
            return null;
        }
        char last = prefix.charAt(prefix.length() - 1);
        if (last == Character.MAX_VALUE || Character.isSurrogate(last)) {
            return null;
        }
        return prefix.substring(0, prefix.length() - 1) + (char) (last + 1);
    }

    public MemberDTO get(UnitScope scope, long id) {
        return jpa.txExpr(TransactionType.Required, em -> visible(em, scope, id).toDTO());
    }

    public MemberDTO create(UnitScope scope, MemberInputDTO input) {
        Set<String> categories = validate(input, true);
        MemberDTO created = LockConflicts.retry(() -> jpa.txExpr(TransactionType.Required, em -> {
            UnitTree tree = UnitTree.load(em);
            UnitDTO unit = unit(tree, scope, input.unitId());
            Long groupId = group(tree, unit, input.groupId());
            Long taken = em.createQuery("select count(m) from MemberEntity m where m.staffNo = :no", Long.class)
                    .setParameter("no", input.staffNo().trim()).getSingleResult();
            if (taken > 0) {
                throw ApiException.conflict("member.staff-no-taken", "工号已存在：" + input.staffNo(),
                        "Staff number already exists: " + input.staffNo());
            }
            MemberEntity member = new MemberEntity(input.staffNo().trim(), input.name().trim(), unit.id(), Instant.now());
            apply(member, input, categories, groupId);
            em.persist(member);
            em.flush();
            return member.toDTO();
        }));
        totals.changed();
        audit.record("member.create", "Member", String.valueOf(created.id()),
                created.staffNo() + " " + created.name() + " unit " + created.unitId());
        return created;
    }

    /**
     * Updates the fields of a member that the request gives; a field left out (or {@code null}) keeps its
     * value, so an edit of one field never wipes the others. To clear: {@code ""} for phone and email,
     * {@code []} for categories, {@code 0} for the group. The staff number and unit stay (a transfer moves a member).
     */
    public MemberDTO update(UnitScope scope, long id, MemberInputDTO input) {
        Set<String> categories = validate(input, false);
        MemberDTO updated = jpa.txExpr(TransactionType.Required, em -> {
            MemberEntity member = visible(em, scope, id);
            if (input.staffNo() != null && !input.staffNo().trim().equals(member.getStaffNo())) {
                throw ApiException.badRequest("member.staff-no-fixed", "工号不能修改", "The staff number cannot change");
            }
            if (input.unitId() != null && input.unitId() != member.getUnitId()) {
                throw ApiException.badRequest("member.unit-by-transfer", "请通过转会变更单位",
                        "Change the unit with a transfer");
            }
            UnitTree tree = UnitTree.load(em);
            if (input.name() != null) {
                member.setName(input.name().trim());
            }
            if (input.gender() != null) {
                member.setGender(MemberVocabulary.gender(input.gender()));
            }
            if (input.birthDate() != null) {
                member.setBirthDate(input.birthDate());
            }
            if (input.phone() != null) {
                member.setPhone(blankToNull(input.phone()));
            }
            if (input.email() != null) {
                member.setEmail(blankToNull(input.email()));
            }
            if (input.groupId() != null) {
                member.setGroupId(input.groupId() == 0 ? null
                        : group(tree, tree.find(member.getUnitId()).orElseThrow(), input.groupId()));
            }
            if (input.joinDate() != null) {
                member.setJoinDate(input.joinDate());
            }
            if (input.status() != null) {
                member.setStatus(input.status());
            }
            if (input.categories() != null) {
                member.setCategories(categories);
            }
            member.touch(Instant.now());
            return member.toDTO();
        });
        totals.changed();
        audit.record("member.update", "Member", String.valueOf(id), updated.staffNo() + " " + updated.name());
        return updated;
    }

    /** Moves a member to another unit; the scope must cover both units. Keeps the history. */
    public MemberDTO transfer(UnitScope scope, long id, TransferRequestDTO request) {
        if (request == null || request.toUnitId() == null) {
            throw ApiException.missingField("toUnitId");
        }
        String note = note(request.note());
        String actor = RequestContext.current().actor();
        long[] from = new long[1];
        MemberDTO moved = jpa.txExpr(TransactionType.Required, em -> {
            MemberEntity member = visible(em, scope, id);
            UnitTree tree = UnitTree.load(em);
            if (tree.find(request.toUnitId()).isPresent() && !scope.covers(request.toUnitId())) {
                // the unit exists (the organisation tree is no secret): say what the rule is, not "not found"
                throw ApiException.forbidden("member.transfer-outside-scope", "只有校工会可以把会员调到您管理范围以外的单位",
                        "Only the university union transfers a member to a unit outside the ones you manage");
            }
            UnitDTO target = unit(tree, scope, request.toUnitId());
            if (target.id() == member.getUnitId()) {
                throw ApiException.badRequest("member.transfer-same-unit", "会员已在该单位", "The member is already in that unit");
            }
            from[0] = member.getUnitId();
            em.persist(new MemberTransferEntity(id, member.getUnitId(), target.id(), Instant.now(), actor, note));
            member.setUnitId(target.id());
            member.setGroupId(null);
            member.touch(Instant.now());
            return member.toDTO();
        });
        totals.changed();
        audit.record("member.transfer", "Member", String.valueOf(id),
                "unit " + from[0] + " -> " + moved.unitId() + (note == null ? "" : ": " + note));
        return moved;
    }

    public List<TransferDTO> transfers(UnitScope scope, long id) {
        return jpa.txExpr(TransactionType.Required, em -> {
            visible(em, scope, id);
            return em.createQuery("select t from MemberTransferEntity t where t.memberId = :id order by t.id",
                    MemberTransferEntity.class).setParameter("id", id).getResultList().stream().map(TransferDTO::of)
                    .toList();
        });
    }

    public MemberDTO changeStatus(UnitScope scope, long id, StatusChangeDTO request) {
        if (request == null || request.status() == null) {
            throw ApiException.missingField("status");
        }
        String note = note(request.note());
        MemberStatus[] before = new MemberStatus[1];
        MemberDTO changed = jpa.txExpr(TransactionType.Required, em -> {
            MemberEntity member = visible(em, scope, id);
            before[0] = member.getStatus();
            member.setStatus(request.status());
            member.touch(Instant.now());
            return member.toDTO();
        });
        totals.changed();
        audit.record("member.status", "Member", String.valueOf(id),
                before[0] + " -> " + changed.status() + (note == null ? "" : ": " + note));
        return changed;
    }

    /**
     * Checks a whole table and, unless it is a dry run or any row is bad, writes every row in one
     * transaction. Nothing is written when any row is bad.
     */
    public ImportReportDTO importTable(UnitScope scope, List<List<String>> table, boolean dryRun) {
        String actor = RequestContext.current().actor();
        ImportReportDTO report = LockConflicts.retry(() -> jpa.txExpr(TransactionType.Required, em -> {
            MemberImporter importer = new MemberImporter(em, scope);
            ImportReportDTO analysis = importer.analyse(table);
            if (dryRun || importer.hasErrors()) {
                return analysis;
            }
            importer.apply(actor);
            return importer.report(true);
        }));
        if (report.applied()) {
            totals.changed();
            audit.record("member.import", "Member", null, "rows " + report.rows() + ", created " + report.toCreate()
                    + ", updated " + report.toUpdate());
        } else if (!dryRun) {
            audit.denied("member.import", "Member", null, "rejected: " + report.errors().size() + " errors in "
                    + report.rows() + " rows");
        }
        return report;
    }

    /** @return the member, or 404 when it does not exist or lies outside the scope */
    private static MemberEntity visible(EntityManager em, UnitScope scope, long id) {
        MemberEntity member = em.find(MemberEntity.class, id);
        if (member == null || !(scope.covers(member.getUnitId()) || scope.covers(member.getGroupId()))) {
            throw ApiException.notFound("member.not-found", "会员不存在", "Member not found");
        }
        return member;
    }

    private static UnitDTO unit(UnitTree tree, UnitScope scope, Long unitId) {
        if (unitId == null) {
            throw ApiException.missingField("unitId");
        }
        UnitDTO unit = tree.find(unitId).filter(u -> scope.covers(u.id())).orElseThrow(
                () -> ApiException.notFound("unit.not-found", "单位不存在", "Unit not found"));
        if (unit.kind() != UnitKind.UNIT) {
            throw ApiException.invalidField("unitId", "会员应属于二级单位工会", "members belong to a unit union");
        }
        if (unit.retired()) {
            throw ApiException.conflict("unit.retired", "单位已撤销", "The unit is retired");
        }
        return unit;
    }

    private static Long group(UnitTree tree, UnitDTO unit, Long groupId) {
        if (groupId == null) {
            return null;
        }
        UnitDTO group = tree.find(groupId).orElse(null);
        if (group == null || group.kind() != UnitKind.GROUP || group.retired() || group.parentId() == null
                || group.parentId() != unit.id()) {
            throw ApiException.invalidField("groupId", "应为该单位下的工会小组", "must be a union group of the member's unit");
        }
        return groupId;
    }

    private static void apply(MemberEntity member, MemberInputDTO input, Set<String> categories, Long groupId) {
        member.setGender(input.gender() == null ? null : MemberVocabulary.gender(input.gender()));
        member.setBirthDate(input.birthDate());
        member.setPhone(blankToNull(input.phone()));
        member.setEmail(blankToNull(input.email()));
        member.setGroupId(groupId);
        member.setJoinDate(input.joinDate());
        if (input.status() != null) {
            member.setStatus(input.status());
        }
        member.setCategories(categories);
    }

    /**
     * A member changes their own phone and e-mail, checked like an administrator's edit: both are given,
     * {@code ""} for none. Audited as {@code member.contact} with old and new values masked, when anything changed.
     *
     * @param memberId the caller's own member record, or {@code null} for an account without one
     * @throws ApiException 404 {@code me.no-member} when the account has no member record
     */
    public ContactDTO updateOwnContact(Long memberId, ContactChangeDTO change) {
        if (change == null) {
            throw ApiException.badRequest("request.body-missing", "缺少请求内容", "Missing request body");
        }
        if (change.phone() == null) {
            throw ApiException.missingField("phone");
        }
        if (change.email() == null) {
            throw ApiException.missingField("email");
        }
        String phone = blankToNull(change.phone());
        String email = blankToNull(change.email());
        field("phone", MemberRules.phone(phone));
        field("email", MemberRules.email(email));
        if (memberId == null) {
            throw noMemberRecord();
        }
        String[] detail = new String[1];
        ContactDTO updated = jpa.txExpr(TransactionType.Required, em -> {
            MemberEntity member = em.find(MemberEntity.class, memberId);
            if (member == null) {
                throw noMemberRecord();
            }
            List<String> changes = new ArrayList<>();
            if (!Objects.equals(member.getPhone(), phone)) {
                changes.add("phone " + ContactMask.phone(member.getPhone()) + " -> " + ContactMask.phone(phone));
                member.setPhone(phone);
            }
            if (!Objects.equals(member.getEmail(), email)) {
                changes.add("email " + ContactMask.email(member.getEmail()) + " -> " + ContactMask.email(email));
                member.setEmail(email);
            }
            if (!changes.isEmpty()) {
                member.touch(Instant.now());
            }
            detail[0] = String.join(", ", changes);
            return new ContactDTO(member.getPhone(), member.getEmail());
        });
        if (!detail[0].isEmpty()) {
            audit.record("member.contact", "Member", String.valueOf(memberId), detail[0]);
        }
        return updated;
    }

    private static ApiException noMemberRecord() {
        return ApiException.notFound("me.no-member", "您的账号没有关联会员信息", "Your account has no member record");
    }

    /** @return the category codes; throws 400 on the first bad field */
    private static Set<String> validate(MemberInputDTO input, boolean creating) {
        if (input == null) {
            throw ApiException.badRequest("request.body-missing", "缺少请求内容", "Missing request body");
        }
        if (creating) {
            field("staffNo", MemberRules.staffNo(input.staffNo() == null ? null : input.staffNo().trim()));
        }
        if (creating || input.name() != null) {
            field("name", MemberRules.name(input.name() == null ? null : input.name().trim()));
        }
        if (input.gender() != null && MemberVocabulary.gender(input.gender()) == null) {
            throw ApiException.invalidField("gender", "应为 M 或 F", "must be M or F");
        }
        field("phone", MemberRules.phone(blankToNull(input.phone())));
        field("email", MemberRules.email(blankToNull(input.email())));
        Set<String> categories = new TreeSet<>();
        for (String category : input.categories() == null ? Set.<String>of() : input.categories()) {
            String code = category == null ? null : MemberVocabulary.category(category);
            if (code == null) {
                throw ApiException.invalidField("categories", "未知类别：" + category + "，可选 "
                        + MemberVocabulary.categoryCodes(), "unknown category " + category + ", known: "
                        + MemberVocabulary.categoryCodes());
            }
            categories.add(code);
        }
        return categories;
    }

    private static void checkCategory(String category) {
        if (category != null && !MemberVocabulary.categoryCodes().contains(category)) {
            throw ApiException.invalidField("category", "未知类别：" + category, "unknown category: " + category);
        }
    }

    private static void field(String name, Problem problem) {
        if (problem != null) {
            throw ApiException.invalidField(name, problem.zh(), problem.en());
        }
    }

    private static String note(String note) {
        String value = blankToNull(note);
        if (value != null && value.length() > MemberRules.NOTE_MAX) {
            throw ApiException.invalidField("note", "不能超过 500 个字符", "at most 500 characters");
        }
        return value;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
