package cn.edu.cumt.union.core.internal.ballot;

import javax.persistence.Column;
import javax.persistence.Embeddable;

import cn.edu.cumt.union.api.ballot.BallotOption;

/** One option of a ballot, kept in ballot order. */
@Embeddable
public class BallotOptionRow {

    @Column(name = "OPTION_KEY", nullable = false)
    private String key;

    @Column(name = "LABEL", nullable = false)
    private String label;

    @Column(name = "CATEGORY")
    private String category;

    protected BallotOptionRow() {
    }

    BallotOptionRow(BallotOption option) {
        this.key = option.key();
        this.label = option.label();
        this.category = option.category();
    }

    BallotOption toOption() {
        return new BallotOption(key, label, category);
    }
}
