/** Who is calling and what they may do: roles, unit scopes, the one place that decides. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package cn.edu.cumt.union.api.security;
