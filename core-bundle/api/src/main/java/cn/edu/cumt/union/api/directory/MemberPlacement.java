package cn.edu.cumt.union.api.directory;

import java.util.List;

/**
 * A member and where they sit in the tree, read together: what {@link Audience#includes} needs,
 * so that a plugin checks any number of audiences against one member without climbing the tree.
 *
 * @param member   the member
 * @param unitPath their union group (if any), their unit, and its ancestors up to the university
 */
public record MemberPlacement(MemberDTO member, List<Long> unitPath) {

    public MemberPlacement {
        unitPath = List.copyOf(unitPath);
    }
}
