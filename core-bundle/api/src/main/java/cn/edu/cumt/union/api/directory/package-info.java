/** Read-only view of the organisation tree and the members, as DTOs, scoped to the caller. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.2.0")
package cn.edu.cumt.union.api.directory;
