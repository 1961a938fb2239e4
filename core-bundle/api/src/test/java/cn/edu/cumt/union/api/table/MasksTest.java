package cn.edu.cumt.union.api.table;

import static org.junit.Assert.assertEquals;

import org.junit.Test;

public class MasksTest {

    @Test
    public void aPhoneKeepsItsFirstThreeAndLastFourDigitsOnly() {
        assertEquals("138****5678", Masks.phone("13812345678"));
        assertEquals("138****0001", Masks.phone("138-0000-0001"));
        assertEquals("separators and signs are not kept", "861******5678", Masks.phone("+86 138-1234-5678"));
        assertEquals("******", Masks.phone("123456"));
        assertEquals("", Masks.phone(null));
        assertEquals("", Masks.phone(""));
    }

    @Test
    public void anEmailKeepsItsFirstCharacterAndDomain() {
        assertEquals("z***@cumt.edu.cn", Masks.email("zhang.san@cumt.edu.cn"));
        assertEquals("a***@b.cn", Masks.email("a@b.cn"));
        assertEquals("***", Masks.email("@x.cn"));
        assertEquals("", Masks.email(null));
    }
}
