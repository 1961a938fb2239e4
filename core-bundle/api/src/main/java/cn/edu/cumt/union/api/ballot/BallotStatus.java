package cn.edu.cumt.union.api.ballot;

/** Where a ballot stands. */
public enum BallotStatus {
    /** Created, not open yet. */
    SCHEDULED,
    /** Taking votes. */
    OPEN,
    /** Closed (its time passed or its plugin closed it); the tally is published. */
    CLOSED
}
