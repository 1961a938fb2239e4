/**
 * Ballots (投票): real-name or secret votes over a list of options, opened and closed by the plugin that
 * owns them, cast by members at {@code /api/ballots}, with a tally published when the ballot closes.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package cn.edu.cumt.union.api.ballot;
