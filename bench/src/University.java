import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Generates a synthetic university for the scale benchmark: units.tsv (code, Chinese name) and members.csv
 * (staff number, realistic Chinese name, gender, dates, contact, unit code, status, categories). Seeded, so
 * every run imports the same file. Args: outDir members units.
 */
public final class University {

    private static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘"
            + "于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严武戴莫孔汤";
    private static final String GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红建国志文斌宁"
            + "浩宇晨欣怡思雨梓涵子轩博文俊杰海燕晓东春梅立新建华永刚德明振宇嘉琪佳慧若曦一鸣天佑泽宇雅婷";
    private static final String[] SCHOOLS = { "矿业工程学院", "安全工程学院", "力学与土木工程学院", "机电工程学院",
        "信息与控制工程学院", "资源与地球科学学院", "化工学院", "环境与测绘学院", "计算机科学与技术学院", "材料与物理学院",
        "数学学院", "经济管理学院", "公共管理学院", "外国语言文化学院", "马克思主义学院", "体育学院", "建筑与设计学院",
        "电气工程学院", "低碳能源与动力工程学院", "孙越崎学院", "国际学院", "继续教育学院", "图书馆", "档案馆", "校医院",
        "后勤保障处", "资产与实验室管理处", "教务部", "研究生院", "科学技术研究院", "人事处", "财务处", "保卫处",
        "学生工作处", "党委办公室", "校长办公室", "国际合作与交流处", "信息化建设与管理中心", "现代分析与计算中心",
        "出版社" };
    private static final String[] SECTIONS = { "", "实验中心", "研究院", "培训中心", "离退休工作站" };
    private static final LocalDate LATEST_JOIN = LocalDate.of(2025, 9, 1);
    private static final String[] CATEGORIES = { "veteran", "cadre", "delegate", "model-worker" };

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args[0]);
        int members = Integer.parseInt(args[1]);
        int unitCount = Integer.parseInt(args[2]);
        Random random = new Random(20261124L);
        List<String> units = new ArrayList<>();
        try (BufferedWriter w = Files.newBufferedWriter(out.resolve("units.tsv"), StandardCharsets.UTF_8)) {
            for (int i = 0; i < unitCount; i++) {
                String school = SCHOOLS[i % SCHOOLS.length];
                String section = SECTIONS[(i / SCHOOLS.length) % SECTIONS.length];
                String code = String.format("U%03d", i + 1);
                units.add(code);
                w.write(code + "\t" + school + section + "\n");
            }
        }
        try (BufferedWriter w = Files.newBufferedWriter(out.resolve("members.csv"), StandardCharsets.UTF_8)) {
            w.write("staffNo,name,gender,birthDate,phone,email,unitCode,status,joinDate,categories\n");
            for (int i = 0; i < members; i++) {
                String staffNo = String.format("T%07d", i + 1);
                String name = SURNAMES.charAt(random.nextInt(SURNAMES.length()))
                        + given(random);
                String gender = random.nextBoolean() ? "M" : "F";
                LocalDate birth = LocalDate.of(1960 + random.nextInt(42), 1 + random.nextInt(12), 1 + random.nextInt(28));
                LocalDate joined = birth.plusYears(22 + random.nextInt(10));
                if (joined.isAfter(LATEST_JOIN)) {
                    joined = LATEST_JOIN;
                }
                String phone = "1" + (3 + random.nextInt(7)) + String.format("%09d", random.nextInt(1_000_000_000));
                String email = staffNo.toLowerCase() + "@cumt.edu.cn";
                String unit = units.get(random.nextInt(units.size()));
                String categories = ("F".equals(gender) ? "female" : "")
                        + (random.nextInt(10) == 0 ? (gender.equals("F") ? ";" : "") + CATEGORIES[random.nextInt(CATEGORIES.length)] : "");
                w.write(String.join(",", staffNo, name, gender, birth.toString(), phone, email, unit, "ACTIVE",
                        joined.toString(), categories) + "\n");
            }
        }
    }

    /** One or two given-name characters, as in most Chinese names. */
    private static String given(Random random) {
        String first = String.valueOf(GIVEN.charAt(random.nextInt(GIVEN.length())));
        return random.nextInt(3) == 0 ? first : first + GIVEN.charAt(random.nextInt(GIVEN.length()));
    }
}
