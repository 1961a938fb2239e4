package cn.edu.cumt.union.core.internal.ballot;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import javax.persistence.CollectionTable;
import javax.persistence.Column;
import javax.persistence.ElementCollection;
import javax.persistence.Entity;
import javax.persistence.FetchType;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.JoinColumn;
import javax.persistence.OrderColumn;
import javax.persistence.Table;
import javax.persistence.Version;

import cn.edu.cumt.union.api.ballot.BallotDTO;
import cn.edu.cumt.union.api.ballot.BallotDefinition;
import cn.edu.cumt.union.api.ballot.BallotOption;
import cn.edu.cumt.union.api.ballot.BallotStatus;
import cn.edu.cumt.union.api.directory.Audience;

/** A ballot's definition and, once closed, its tally; the votes and voters live in tables of their own. */
@Entity
@Table(name = "UNION_BALLOT")
public class BallotEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "OWNER", nullable = false)
    private String owner;

    @Column(name = "TITLE", nullable = false)
    private String title;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "UNION_BALLOT_OPTION", joinColumns = @JoinColumn(name = "BALLOT_ID"))
    @OrderColumn(name = "IDX")
    private List<BallotOptionRow> options = new ArrayList<>();

    @Column(name = "OPENS_AT", nullable = false)
    private Instant opensAt;

    @Column(name = "CLOSES_AT", nullable = false)
    private Instant closesAt;

    @Column(name = "CLOSED_AT")
    private Instant closedAt;

    @Column(name = "SECRET", nullable = false)
    private boolean secret;

    @Column(name = "HAS_AUDIENCE", nullable = false)
    private boolean hasAudience;

    @Column(name = "AUDIENCE_ALL", nullable = false)
    private boolean audienceAll;

    @Column(name = "AUDIENCE_UNITS")
    private String audienceUnits;

    @Column(name = "AUDIENCE_SUB_UNITS", nullable = false)
    private boolean audienceSubUnits;

    @Column(name = "AUDIENCE_CATEGORIES")
    private String audienceCategories;

    @Column(name = "DUTY_CODE")
    private String dutyCode;

    @Column(name = "MAX_CHOICES", nullable = false)
    private int maxChoices;

    @Column(name = "MAX_PER_CATEGORY")
    private String maxPerCategory;

    @Column(name = "TALLY_COUNTS")
    private String tallyCounts;

    @Column(name = "TALLY_VOTERS")
    private Long tallyVoters;

    @Column(name = "CREATED_BY", nullable = false)
    private String createdBy;

    @Column(name = "CREATED_AT", nullable = false)
    private Instant createdAt;

    @Version
    @Column(name = "VERSION")
    private int version;

    protected BallotEntity() {
    }

    BallotEntity(String owner, BallotDefinition valid, String createdBy, Instant now) {
        this.owner = owner;
        this.title = valid.title();
        valid.options().forEach(o -> options.add(new BallotOptionRow(o)));
        this.opensAt = valid.opensAt();
        this.closesAt = valid.closesAt();
        this.secret = valid.secret();
        Audience audience = valid.audience();
        this.hasAudience = audience != null;
        if (audience != null) {
            this.audienceAll = audience.allUnits();
            this.audienceUnits = audience.unitIds().stream().sorted().map(String::valueOf).collect(Collectors.joining(","));
            this.audienceSubUnits = audience.withSubUnits();
            this.audienceCategories = audience.categories().stream().sorted().collect(Collectors.joining("\n"));
        }
        this.dutyCode = valid.dutyCode();
        this.maxChoices = valid.maxChoices();
        this.maxPerCategory = valid.maxPerCategory().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("\n"));
        this.createdBy = createdBy;
        this.createdAt = now;
    }

    Long getId() {
        return id;
    }

    String getOwner() {
        return owner;
    }

    boolean isSecret() {
        return secret;
    }

    boolean isClosed() {
        return closedAt != null;
    }

    /** Closes it with the tally computed from its votes. */
    void close(Instant at, long[] counts, long voters) {
        this.closedAt = at;
        this.tallyCounts = Arrays.stream(counts).mapToObj(String::valueOf).collect(Collectors.joining(","));
        this.tallyVoters = voters;
    }

    long[] tallyCounts() {
        return tallyCounts == null ? null
                : tallyCounts.isEmpty() ? new long[0] : Arrays.stream(tallyCounts.split(",")).mapToLong(Long::parseLong).toArray();
    }

    long tallyVoters() {
        return tallyVoters == null ? 0 : tallyVoters;
    }

    Instant getClosedAt() {
        return closedAt;
    }

    BallotDTO toDTO(Instant now) {
        BallotStatus status = closedAt != null ? BallotStatus.CLOSED
                : now.isBefore(opensAt) ? BallotStatus.SCHEDULED : BallotStatus.OPEN;
        return new BallotDTO(id, owner, title, options.stream().map(BallotOptionRow::toOption).toList(), opensAt, closesAt,
                closedAt, status, secret, audience(), dutyCode, maxChoices, limits(), createdBy);
    }

    List<BallotOption> options() {
        return options.stream().map(BallotOptionRow::toOption).toList();
    }

    private Audience audience() {
        if (!hasAudience) {
            return null;
        }
        Set<Long> units = new LinkedHashSet<>();
        if (audienceUnits != null && !audienceUnits.isEmpty()) {
            Arrays.stream(audienceUnits.split(",")).map(Long::valueOf).forEach(units::add);
        }
        Set<String> categories = audienceCategories == null || audienceCategories.isEmpty() ? Set.of()
                : Set.of(audienceCategories.split("\n"));
        return new Audience(audienceAll, units, audienceSubUnits, categories);
    }

    private Map<String, Integer> limits() {
        Map<String, Integer> limits = new LinkedHashMap<>();
        if (maxPerCategory != null && !maxPerCategory.isEmpty()) {
            for (String line : maxPerCategory.split("\n")) {
                int eq = line.lastIndexOf('=');
                limits.put(line.substring(0, eq), Integer.valueOf(line.substring(eq + 1)));
            }
        }
        return limits;
    }
}
