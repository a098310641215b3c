import Testing
@testable import GongkaiLayout

/// The lines around a table: titles, labels, units, departments, footnotes.
struct CaptionsTests {
    @Test(arguments: [
        ("收入支出决算总表", "收入支出决算总表"),
        ("2026年部门财务收支预算总表", "2026年部门财务收支预算总表"),
        ("一般公共预算支出预算表（功能科目）", "一般公共预算支出预算表（功能科目）"),
        ("八、一般公共预算基本支出预算表", "一般公共预算基本支出预算表"),
        ("“三公”经费、行政参公单位机关运行经费情况表", "“三公”经费、行政参公单位机关运行经费情况表"),
        ("2021年度部门整体支出绩效自评情况", "2021年度部门整体支出绩效自评情况"),
    ])
    func titles(line: String, title: String) {
        #expect(Captions.parts(of: line).title == title)
    }

    @Test(arguments: [
        "上海市 XX 局 2024 年度部门决算表", "第二部分 2019 年度部门预算表", "省级部门预算公开报表",
        "四、财政拨款收支预算总表情况说明", "一、收支预算总表……………… 3", "本表反映部门本年度的总收支。",
        "入数、支出安排数应与《收支预算总表》数对应一致。", "一、部门基本情况",
    ])
    func notTitles(line: String) {
        #expect(Captions.parts(of: line).title == nil)
    }

    @Test func labelsUnitsAndDepartments() {
        let a = Captions.parts(of: "公开 01 表：收支预算总表")
        #expect(a.label == "公开01表" && a.title == "收支预算总表")
        let b = Captions.parts(of: "部门：贵州省医疗保障局（本级） 单位：万元")
        #expect(b.department == "部门：贵州省医疗保障局（本级）" && b.unit == "万元" && b.title == nil)
        let c = Captions.parts(of: "编制部门：上海市普陀区司法局 单位：元")
        #expect(c.department == "编制部门：上海市普陀区司法局" && c.unit == "元")
        #expect(Captions.parts(of: "金额单位：元").unit == "元")
        #expect(Captions.parts(of: "表一").label == "表一")
        #expect(Captions.parts(of: "附表7").label == "附表7")
        #expect(Captions.parts(of: "公开02表").label == "公开02表")
    }

    @Test func footnotes() {
        #expect(Captions.opensNote("注：本表反映部门本年度取得的各项收入情况。"))
        #expect(Captions.opensNote("注1．“三公”经费为单位使用…"))
        #expect(Captions.opensNote("说明：本部门无相关收支项目。"))
        #expect(!Captions.opensNote("注重发挥省委办事机构的作用"))
    }

    @Test func amounts() {
        #expect(CellText.amount("14,901.58") == "14901.58")
        #expect(CellText.amount("4, 627. 11") == "4627.11")
        #expect(CellText.amount("0.00") == "0.00")
        #expect(CellText.amount("(12.00)") == "-12.00")
        #expect(CellText.amount("96,282,213.44") == "96282213.44")
        #expect(CellText.amount("1,2") == nil || CellText.amount("1,2") == "12")
        #expect(CellText.amount("—") == nil && CellText.isNotApplicable("—"))
        #expect(CellText.amount("2080505机关") == nil)
        #expect(CellText.isCode("2080505") && CellText.isCode("301") && !CellText.isCode("2024"))
        #expect(CellText.hasOrdinal("一、一般公共服务支出") && CellText.hasOrdinal("（一）支出合计")
                && CellText.hasOrdinal("1．因公出国（境）费") && !CellText.hasOrdinal("1.5"))
    }
}
