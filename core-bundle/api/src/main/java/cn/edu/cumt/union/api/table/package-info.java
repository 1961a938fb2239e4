/** Tabular import and export in the formats union staff use (CSV and Excel .xlsx), so plugins never touch a spreadsheet library. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.4.0")
package cn.edu.cumt.union.api.table;
