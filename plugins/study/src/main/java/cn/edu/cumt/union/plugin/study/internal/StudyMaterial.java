package cn.edu.cumt.union.plugin.study.internal;

import javax.persistence.Column;
import javax.persistence.Embeddable;

/** One study material of a session: a link or a short text. */
@Embeddable
public class StudyMaterial {

    @Column(name = "TITLE", nullable = false)
    private String title;

    @Column(name = "URL")
    private String url;

    @Column(name = "BODY")
    private String text;

    protected StudyMaterial() {
    }

    StudyMaterial(String title, String url, String text) {
        this.title = title;
        this.url = url;
        this.text = text;
    }

    MaterialDTO toDTO() {
        return new MaterialDTO(title, url, text);
    }
}
