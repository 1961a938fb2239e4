package cn.edu.cumt.union.core.internal.attachment;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

import org.junit.Test;

import cn.edu.cumt.union.core.internal.attachment.FileTypes.FileType;

public class FileTypesTest {

    @Test
    public void eachAcceptedKindIsFoundFromItsContent() throws Exception {
        assertEquals(Optional.of(FileTypes.PDF), FileTypes.detect(Samples.pdf()));
        assertEquals(Optional.of(FileTypes.PNG), FileTypes.detect(Samples.png()));
        assertEquals(Optional.of(FileTypes.JPEG), FileTypes.detect(Samples.jpeg()));
        assertEquals(Optional.of(FileTypes.GIF), FileTypes.detect(Samples.gif()));
        assertEquals(Optional.of(FileTypes.DOCX), FileTypes.detect(Samples.docx()));
        assertEquals(Optional.of(FileTypes.XLSX), FileTypes.detect(Samples.xlsx()));
        assertEquals(Optional.of(FileTypes.PPTX), FileTypes.detect(Samples.ooxml(
                "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml")));
    }

    @Test
    public void disguisedAndUnwantedContentIsNotAccepted() throws Exception {
        assertEquals("an executable", Optional.empty(), FileTypes.detect(Samples.exe()));
        assertEquals("legacy OLE (macros)", Optional.empty(), FileTypes.detect(Samples.ole()));
        assertEquals("HTML", Optional.empty(), FileTypes.detect("<html><script>alert(1)</script>".getBytes(StandardCharsets.UTF_8)));
        assertEquals("a PDF header later in the file", Optional.empty(), FileTypes.detect(" %PDF-1.7".getBytes(StandardCharsets.US_ASCII)));
        assertEquals("a plain zip", Optional.empty(), FileTypes.detect(Samples.zip(Map.of("a.txt", "x"))));
        assertEquals("a macro-enabled workbook", Optional.empty(), FileTypes.detect(Samples.ooxml(
                "application/vnd.ms-excel.sheet.macroEnabled.main+xml")));
        assertEquals("a truncated zip", Optional.empty(), FileTypes.detect(new byte[] { 'P', 'K', 3, 4, 1, 2 }));
        assertEquals("empty", Optional.empty(), FileTypes.detect(new byte[0]));
    }

    @Test
    public void theNameMustCarryAnExtensionOfTheContentsType() {
        FileType pdf = FileTypes.PDF;
        assertTrue(FileTypes.nameFits("报告.PDF", pdf));
        assertFalse(FileTypes.nameFits("report.exe", pdf));
        assertFalse(FileTypes.nameFits("report.pdf.exe", pdf));
        assertFalse(FileTypes.nameFits("pdf", pdf));
        assertTrue(FileTypes.nameFits("photo.jpeg", FileTypes.JPEG));
        assertFalse(FileTypes.nameFits("photo.png", FileTypes.JPEG));
    }
}
