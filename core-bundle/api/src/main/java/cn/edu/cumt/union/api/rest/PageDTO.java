package cn.edu.cumt.union.api.rest;

import java.util.List;

/**
 * One page of a longer list.
 *
 * @param items  the rows of this page
 * @param total  how many rows match in all
 * @param offset index of the first row of this page
 * @param limit  the page size asked for
 */
public record PageDTO<T>(List<T> items, long total, int offset, int limit) {
}
