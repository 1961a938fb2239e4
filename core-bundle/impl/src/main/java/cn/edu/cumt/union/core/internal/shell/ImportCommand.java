package cn.edu.cumt.union.core.internal.shell;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import cn.edu.cumt.union.api.table.TableException;
import cn.edu.cumt.union.api.table.TableFormat;
import cn.edu.cumt.union.api.table.Tables;
import cn.edu.cumt.union.core.internal.member.ImportReportDTO;
import cn.edu.cumt.union.core.internal.member.MemberService;
import cn.edu.cumt.union.api.security.UnitScope;

/**
 * {@code union:import <file>}: the same member import as {@code POST /api/members/import}, for
 * central IT at the console. A dry run unless {@code --apply} is given; applying is all-or-nothing.
 */
@Command(scope = "union", name = "import", description = "Import members from a CSV or xlsx file 从文件导入会员")
@Service
public class ImportCommand implements Action {

    @Reference
    private MemberService members;

    @Reference
    private Tables tables;

    @Option(name = "--apply", description = "Write the members (default: only check the file) 写入（默认只检查）")
    private boolean apply;

    @Argument(index = 0, name = "file", description = "A .csv or .xlsx file", required = true)
    private String file;

    @Override
    public Object execute() throws Exception {
        Path path = Paths.get(file);
        String name = path.getFileName().toString();
        TableFormat format = TableFormat.fromName(name.substring(name.lastIndexOf('.') + 1));
        if (format == null || !Files.isRegularFile(path)) {
            throw new IllegalArgumentException("需要一个 .csv 或 .xlsx 文件 / Expected a .csv or .xlsx file: " + file);
        }
        List<List<String>> table;
        try (InputStream in = Files.newInputStream(path)) {
            table = tables.read(format, in);
        } catch (TableException e) {
            throw new IllegalArgumentException(e.messageZh() + " / " + e.getMessage());
        }
        ImportReportDTO report = ConsoleWork.call(() -> members.importTable(UnitScope.all(), table, !apply));
        System.out.println("行数 rows " + report.rows() + ", 有效 valid " + report.valid() + ", 新增 to create "
                + report.toCreate() + ", 更新 to update " + report.toUpdate());
        for (ImportReportDTO.ImportErrorDTO error : report.errors()) {
            System.out.println("  第 " + error.line() + " 行 line, " + error.column() + ": " + error.reason() + " / "
                    + error.reasonEn());
        }
        if (!apply) {
            System.out.println("仅检查，未写入 Dry run: nothing written. Add --apply to import.");
        } else {
            System.out.println(report.applied() ? "已导入 Imported." : "有错误，未写入任何数据 Errors: nothing written.");
        }
        return null;
    }
}
