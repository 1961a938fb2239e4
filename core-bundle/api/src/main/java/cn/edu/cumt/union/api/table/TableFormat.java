package cn.edu.cumt.union.api.table;

/** File formats of {@link Tables}. */
public enum TableFormat {
    /** UTF-8 CSV with a byte-order mark, so that Excel opens Chinese text correctly. */
    CSV("text/csv; charset=UTF-8", "csv"),
    /** Excel workbook. */
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx");

    private final String mediaType;
    private final String extension;

    TableFormat(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    public String mediaType() {
        return mediaType;
    }

    public String extension() {
        return extension;
    }

    /** @return the format for a file extension or a {@code format} query value, or {@code null} */
    public static TableFormat fromName(String name) {
        if (name == null) {
            return null;
        }
        for (TableFormat format : values()) {
            if (format.extension.equalsIgnoreCase(name.trim()) || format.name().equalsIgnoreCase(name.trim())) {
                return format;
            }
        }
        return null;
    }
}
