<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>AccountsDialog</name>
    <message>
        <source>Accounts</source>
        <translation>账户</translation>
    </message>
    <message>
        <source>Accounts on this computer</source>
        <translation>本机账户</translation>
    </message>
    <message>
        <source>Add an account (administrators only)</source>
        <translation>新增账户（仅管理员）</translation>
    </message>
    <message>
        <source>New account name</source>
        <translation>新账户名</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Password of the new account</source>
        <translation>新账户的密码</translation>
    </message>
    <message>
        <source>&amp;Add account</source>
        <translation>新增账户(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Role:</source>
        <translation>角色(&amp;R)：</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <source>Change my password</source>
        <translation>修改我的密码</translation>
    </message>
    <message>
        <source>My new password</source>
        <translation>我的新密码</translation>
    </message>
    <message>
        <source>&amp;Change password</source>
        <translation>修改密码(&amp;C)</translation>
    </message>
    <message>
        <source>New pass&amp;word:</source>
        <translation>新密码(&amp;W)：</translation>
    </message>
</context>
<context>
    <name>AccountsModel</name>
    <message>
        <source>Account</source>
        <translation>账户</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
</context>
<context>
    <name>AuditDialog</name>
    <message>
        <source>Activity log</source>
        <translation>操作记录</translation>
    </message>
    <message>
        <source>Person: name or ID number</source>
        <translation>人员：姓名或身份证号</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>账户</translation>
    </message>
    <message>
        <source>All accounts</source>
        <translation>全部账户</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>All actions</source>
        <translation>全部操作</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>从(&amp;F)：</translation>
    </message>
    <message>
        <source>From date</source>
        <translation>起始日期</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>到(&amp;T)：</translation>
    </message>
    <message>
        <source>To date</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <source>&amp;Person:</source>
        <translation>人员(&amp;P)：</translation>
    </message>
    <message>
        <source>A&amp;ccount:</source>
        <translation>账户(&amp;C)：</translation>
    </message>
    <message>
        <source>Ac&amp;tion:</source>
        <translation>操作(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;Show</source>
        <translation>查询(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Export CSV…</source>
        <translation>导出 CSV(&amp;E)…</translation>
    </message>
    <message>
        <source>Activity log entries</source>
        <translation>操作记录列表</translation>
    </message>
    <message>
        <source>%1 entries</source>
        <translation>共 %1 条</translation>
    </message>
    <message>
        <source>Export the activity log</source>
        <translation>导出操作记录</translation>
    </message>
</context>
<context>
    <name>AuditTableModel</name>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>账户</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Person or item</source>
        <translation>人员或对象</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>说明</translation>
    </message>
</context>
<context>
    <name>BackgroundOp</name>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>ChangeLogModel</name>
    <message>
        <source>added</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>修改</translation>
    </message>
    <message>
        <source>deleted</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>restored</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>person</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>household</source>
        <translation>家庭户</translation>
    </message>
    <message>
        <source>region</source>
        <translation>区划</translation>
    </message>
    <message>
        <source>Time (UTC)</source>
        <translation>时间（UTC）</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>账户</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>修改内容</translation>
    </message>
</context>
<context>
    <name>ConflictsDialog</name>
    <message>
        <source>Conflicts and flags</source>
        <translation>冲突与标记</translation>
    </message>
    <message>
        <source>&amp;Conflicts</source>
        <translation>冲突(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Flags from the township</source>
        <translation>乡镇标记(&amp;F)</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Village</source>
        <translation>村/社区</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Provisional value</source>
        <translation>暂定值</translation>
    </message>
    <message>
        <source>Detected</source>
        <translation>发现时间</translation>
    </message>
    <message>
        <source>Open conflicts</source>
        <translation>未处理冲突</translation>
    </message>
    <message>
        <source>Competing values (choose one):</source>
        <translation>相互冲突的值（请选择一个）：</translation>
    </message>
    <message>
        <source>Competing values</source>
        <translation>相互冲突的值</translation>
    </message>
    <message>
        <source>&amp;Use the selected value</source>
        <translation>采用所选的值(&amp;U)</translation>
    </message>
    <message>
        <source>Keep it deleted</source>
        <translation>保持删除</translation>
    </message>
    <message>
        <source>Restore it, keeping the edit: %1</source>
        <translation>恢复记录并保留修改：%1</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>残疾人</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Open flags</source>
        <translation>待处理的标记</translation>
    </message>
    <message>
        <source>&amp;Mark as fixed…</source>
        <translation>标记为已处理(&amp;M)…</translation>
    </message>
    <message>
        <source>&amp;Flag a person…</source>
        <translation>标记人员(&amp;F)…</translation>
    </message>
    <message>
        <source>Mark as fixed</source>
        <translation>标记为已处理</translation>
    </message>
    <message>
        <source>What was done:</source>
        <translation>处理情况：</translation>
    </message>
    <message>
        <source>Flag a person</source>
        <translation>标记人员</translation>
    </message>
    <message>
        <source>ID card number:</source>
        <translation>身份证号：</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>类型：</translation>
    </message>
    <message>
        <source>Note for the village:</source>
        <translation>给村里的说明：</translation>
    </message>
</context>
<context>
    <name>CoverageChart</name>
    <message>
        <source>Coverage chart</source>
        <translation>覆盖率图</translation>
    </message>
</context>
<context>
    <name>DashboardTab</name>
    <message>
        <source>&amp;Area:</source>
        <translation>范围(&amp;A)：</translation>
    </message>
    <message>
        <source>Area shown</source>
        <translation>显示范围</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Import roster from Excel…</source>
        <translation>从 Excel 导入名册(&amp;I)…</translation>
    </message>
    <message>
        <source>E&amp;xport to Excel</source>
        <translation>导出 Excel(&amp;X)</translation>
    </message>
    <message>
        <source>&amp;Print to PDF…</source>
        <translation>打印为 PDF(&amp;P)…</translation>
    </message>
    <message>
        <source>Coverage against targets</source>
        <translation>覆盖率与目标</translation>
    </message>
    <message>
        <source>Coverage figures</source>
        <translation>覆盖率指标</translation>
    </message>
    <message>
        <source>Gap lists: eligible but not receiving</source>
        <translation>应补尽补名单：符合条件但未享受</translation>
    </message>
    <message>
        <source>&amp;List:</source>
        <translation>名单(&amp;L)：</translation>
    </message>
    <message>
        <source>Gap list shown</source>
        <translation>显示的名单</translation>
    </message>
    <message>
        <source>Persons in the gap list</source>
        <translation>名单中的人员</translation>
    </message>
    <message>
        <source>&amp;Open person</source>
        <translation>打开人员(&amp;O)</translation>
    </message>
    <message>
        <source>Print &amp;list to PDF…</source>
        <translation>名单打印为 PDF(&amp;L)…</translation>
    </message>
    <message>
        <source>Computing…</source>
        <translation>正在计算…</translation>
    </message>
    <message>
        <source>Computing coverage…</source>
        <translation>正在计算覆盖率…</translation>
    </message>
    <message>
        <source>All areas</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>as of %1</source>
        <translation>截至 %1</translation>
    </message>
    <message>
        <source>%1 indicators below target</source>
        <translation>%1 项指标未达标</translation>
    </message>
    <message>
        <source>Yearly survey: not available</source>
        <translation>动态更新调查：不可用</translation>
    </message>
    <message>
        <source>Yearly survey %1: %2 of %3 done (%4)</source>
        <translation>%1年动态更新调查：已完成 %2 / %3 人（%4）</translation>
    </message>
    <message>
        <source>Renovation and device requests: not available</source>
        <translation>无障碍改造与辅助器具申请：不可用</translation>
    </message>
    <message>
        <source>Renovation and device requests: none yet</source>
        <translation>无障碍改造与辅助器具申请：暂无</translation>
    </message>
    <message>
        <source>Survey year</source>
        <translation>调查年度</translation>
    </message>
    <message>
        <source>Export the survey results of year:</source>
        <translation>导出哪一年的调查结果：</translation>
    </message>
    <message>
        <source>Export to Excel</source>
        <translation>导出 Excel</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <source>Exported %1 rows to %2</source>
        <translation>已导出 %1 行到 %2</translation>
    </message>
    <message>
        <source>Print to PDF</source>
        <translation>打印为 PDF</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Writing PDF…</source>
        <translation>正在生成 PDF…</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>Cannot do this</source>
        <translation>无法执行</translation>
    </message>
    <message>
        <source>Unexpected error</source>
        <translation>意外错误</translation>
    </message>
    <message>
        <source>The operation failed. Nothing was changed.</source>
        <translation>操作失败，数据未作任何更改。</translation>
    </message>
</context>
<context>
    <name>ExchangeMenu</name>
    <message>
        <source>Data e&amp;xchange</source>
        <translation>数据交换(&amp;X)</translation>
    </message>
    <message>
        <source>&amp;Export to USB…</source>
        <translation>导出到U盘(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Import packages…</source>
        <translation>导入数据包(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;Keys and partners…</source>
        <translation>密钥与对方设备(&amp;K)…</translation>
    </message>
    <message>
        <source>&amp;History…</source>
        <translation>交换记录(&amp;H)…</translation>
    </message>
    <message>
        <source>&amp;Conflicts and flags…</source>
        <translation>冲突与标记(&amp;C)…</translation>
    </message>
    <message>
        <source>Export to which folder (USB stick)?</source>
        <translation>导出到哪个文件夹（U盘）？</translation>
    </message>
    <message>
        <source>Writing packages…</source>
        <translation>正在写入数据包…</translation>
    </message>
    <message>
        <source>Packages written</source>
        <translation>数据包已写入</translation>
    </message>
    <message>
        <source>Records / changes per package:</source>
        <translation>每个数据包的记录数 / 变更数：</translation>
    </message>
    <message>
        <source>%1 package(s) written</source>
        <translation>已写入 %1 个数据包</translation>
    </message>
</context>
<context>
    <name>FigureTableModel</name>
    <message>
        <source>Indicator</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>Eligible</source>
        <translation>应覆盖</translation>
    </message>
    <message>
        <source>Covered</source>
        <translation>已覆盖</translation>
    </message>
    <message>
        <source>Coverage</source>
        <translation>覆盖率</translation>
    </message>
    <message>
        <source>Gap</source>
        <translation>差距</translation>
    </message>
    <message>
        <source>Met</source>
        <translation>达标</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <source>Welcome</source>
        <translation>欢迎使用</translation>
    </message>
    <message>
        <source>No database was found on this computer. Choose how to start:</source>
        <translation>本机还没有数据库。请选择开始方式：</translation>
    </message>
    <message>
        <source>&amp;Try a demo database (one sample village)</source>
        <translation>试用演示数据库（一个示例村）(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Set up my village or community</source>
        <translation>设置本村（社区）(&amp;S)</translation>
    </message>
    <message>
        <source>12-digit statistical region code</source>
        <translation>12位统计用区划代码</translation>
    </message>
    <message>
        <source>Village or community name</source>
        <translation>村（社区）名称</translation>
    </message>
    <message>
        <source>Township</source>
        <translation>乡镇（街道）</translation>
    </message>
    <message>
        <source>County</source>
        <translation>县（区）</translation>
    </message>
    <message>
        <source>Region &amp;code:</source>
        <translation>区划代码(&amp;C)：</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Township:</source>
        <translation>乡镇（街道）(&amp;T)：</translation>
    </message>
    <message>
        <source>C&amp;ounty:</source>
        <translation>县（区）(&amp;O)：</translation>
    </message>
</context>
<context>
    <name>GapTableModel</name>
    <message>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>住址</translation>
    </message>
    <message>
        <source>Situation</source>
        <translation>情况</translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <source>Change history</source>
        <translation>修改记录</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>关闭(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Undo this deletion</source>
        <translation>撤销此删除(&amp;U)</translation>
    </message>
    <message>
        <source>Restored.</source>
        <translation>已恢复。</translation>
    </message>
    <message>
        <source>Exchange history</source>
        <translation>交换记录</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>方向</translation>
    </message>
    <message>
        <source>Partner</source>
        <translation>对方</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>区划代码</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>修改内容</translation>
    </message>
    <message>
        <source>Full</source>
        <translation>全量</translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation>已确认</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Packages sent and received</source>
        <translation>发出和收到的数据包</translation>
    </message>
    <message>
        <source>sent</source>
        <translation>发出</translation>
    </message>
    <message>
        <source>received</source>
        <translation>收到</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
</context>
<context>
    <name>HouseholdDialog</name>
    <message>
        <source>Edit household</source>
        <translation>编辑家庭户</translation>
    </message>
    <message>
        <source>Add household</source>
        <translation>新增家庭户</translation>
    </message>
    <message>
        <source>&amp;Head of household:</source>
        <translation>户主姓名(&amp;H)：</translation>
    </message>
    <message>
        <source>Head of household</source>
        <translation>户主姓名</translation>
    </message>
    <message>
        <source>Head's &amp;ID number:</source>
        <translation>户主身份证号(&amp;I)：</translation>
    </message>
    <message>
        <source>ID number of the head of household</source>
        <translation>户主身份证号</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>住址(&amp;A)：</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>住址</translation>
    </message>
    <message>
        <source>Hu&amp;kou:</source>
        <translation>户籍类型(&amp;K)：</translation>
    </message>
    <message>
        <source>Hukou type</source>
        <translation>户籍类型</translation>
    </message>
    <message>
        <source>&amp;Members:</source>
        <translation>家庭人口数(&amp;M)：</translation>
    </message>
    <message>
        <source>Number of members</source>
        <translation>家庭人口数</translation>
    </message>
    <message>
        <source>&amp;Income per person (yuan/year):</source>
        <translation>人均年收入（元）(&amp;I)：</translation>
    </message>
    <message>
        <source>Annual income per person in yuan</source>
        <translation>家庭人均年收入（元）</translation>
    </message>
    <message>
        <source>not recorded</source>
        <translation>未填写</translation>
    </message>
    <message>
        <source>&amp;Phone:</source>
        <translation>联系电话(&amp;P)：</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <source>&amp;Dibao household</source>
        <translation>低保户(&amp;D)</translation>
    </message>
    <message>
        <source>Dibao household</source>
        <translation>低保户</translation>
    </message>
    <message>
        <source>&amp;Tekun (extreme poverty support)</source>
        <translation>特困供养(&amp;T)</translation>
    </message>
    <message>
        <source>Tekun support</source>
        <translation>特困供养</translation>
    </message>
    <message>
        <source>Hou&amp;sing:</source>
        <translation>住房状况(&amp;S)：</translation>
    </message>
    <message>
        <source>Housing status</source>
        <translation>住房状况</translation>
    </message>
    <message>
        <source>N&amp;otes:</source>
        <translation>备注(&amp;O)：</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>HouseholdTableModel</name>
    <message>
        <source>Household head</source>
        <translation>户主</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>住址</translation>
    </message>
    <message>
        <source>Hukou</source>
        <translation>户籍</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>家庭人口</translation>
    </message>
    <message>
        <source>Disabled members</source>
        <translation>残疾人数</translation>
    </message>
    <message>
        <source>Income per person (yuan/year)</source>
        <translation>人均年收入（元）</translation>
    </message>
    <message>
        <source>Dibao</source>
        <translation>低保</translation>
    </message>
    <message>
        <source>Tekun</source>
        <translation>特困</translation>
    </message>
    <message>
        <source>Housing</source>
        <translation>住房状况</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import roster from Excel</source>
        <translation>从 Excel 导入名册</translation>
    </message>
    <message>
        <source>Choose an .xlsx file (save .xls or .csv files as .xlsx in Excel or WPS first).</source>
        <translation>请选择 .xlsx 文件（.xls 或 .csv 文件请先在 Excel 或 WPS 中另存为 .xlsx）。</translation>
    </message>
    <message>
        <source>&amp;Check</source>
        <translation>检查(&amp;C)</translation>
    </message>
    <message>
        <source>Save &amp;error report…</source>
        <translation>保存错误报告(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>导入(&amp;I)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>文件(&amp;F)：</translation>
    </message>
    <message>
        <source>Excel file to import</source>
        <translation>要导入的 Excel 文件</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>浏览(&amp;B)…</translation>
    </message>
    <message>
        <source>Which column holds what</source>
        <translation>各列对应的字段</translation>
    </message>
    <message>
        <source>Saved &amp;mapping:</source>
        <translation>已存方案(&amp;M)：</translation>
    </message>
    <message>
        <source>Saved column mapping</source>
        <translation>已保存的列对应方案</translation>
    </message>
    <message>
        <source>&amp;Save mapping as…</source>
        <translation>保存列对应方案(&amp;S)…</translation>
    </message>
    <message>
        <source>Check result</source>
        <translation>检查结果</translation>
    </message>
    <message>
        <source>Problems found, by row</source>
        <translation>发现的问题（按行）</translation>
    </message>
    <message>
        <source>Choose a roster sheet</source>
        <translation>选择名册表格</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx *.xlsm);;All files (*)</source>
        <translation>Excel 工作簿 (*.xlsx *.xlsm);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Reading the sheet…</source>
        <translation>正在读取表格…</translation>
    </message>
    <message>
        <source>Sheet “%1”, header on row %2, %3 data rows.</source>
        <translation>工作表“%1”，表头在第%2行，数据 %3 行。</translation>
    </message>
    <message>
        <source>Other sheets not read: %1</source>
        <translation>未读取的其他工作表：%1</translation>
    </message>
    <message>
        <source>(remembered for this layout, or guessed)</source>
        <translation>（按此表格式记住的方案，或自动识别）</translation>
    </message>
    <message>
        <source>(not imported)</source>
        <translation>（不导入）</translation>
    </message>
    <message>
        <source>Field for column %1</source>
        <translation>%1 对应的字段</translation>
    </message>
    <message>
        <source>Save mapping</source>
        <translation>保存列对应方案</translation>
    </message>
    <message>
        <source>Name of this column mapping:</source>
        <translation>列对应方案名称：</translation>
    </message>
    <message>
        <source>Checking every row…</source>
        <translation>正在逐行检查…</translation>
    </message>
    <message>
        <source>Imported: %1 new, %2 updated, %3 unchanged; %4 rows with errors were not imported.</source>
        <translation>已导入：新增 %1 人，更新 %2 人，无变化 %3 人；有错误的 %4 行未导入。</translation>
    </message>
    <message>
        <source>Check: %1 new, %2 to update, %3 unchanged; %4 rows with errors will not be imported.</source>
        <translation>检查：新增 %1 人，更新 %2 人，无变化 %3 人；有错误的 %4 行不会导入。</translation>
    </message>
    <message>
        <source>%1 rows without data were skipped.</source>
        <translation>跳过无数据行 %1 行。</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
    <message>
        <source>Save error report</source>
        <translation>保存错误报告</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Import packages</source>
        <translation>导入数据包</translation>
    </message>
    <message>
        <source>Drop package files or a USB folder here, or choose them. Nothing is changed until you press Import.</source>
        <translation>把数据包文件或U盘文件夹拖到这里，或点按钮选择。按“导入”之前不会改动任何数据。</translation>
    </message>
    <message>
        <source>Choose &amp;files…</source>
        <translation>选择文件(&amp;F)…</translation>
    </message>
    <message>
        <source>Choose f&amp;older…</source>
        <translation>选择文件夹(&amp;O)…</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Sender</source>
        <translation>发送方</translation>
    </message>
    <message>
        <source>Village</source>
        <translation>村/社区</translation>
    </message>
    <message>
        <source>New</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>更新</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>冲突</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>拒收</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Packages and what importing them does</source>
        <translation>数据包及导入后的变化</translation>
    </message>
    <message>
        <source>Choose packages</source>
        <translation>选择数据包</translation>
    </message>
    <message>
        <source>Exchange packages (*.fwpkg)</source>
        <translation>交换数据包 (*.fwpkg)</translation>
    </message>
    <message>
        <source>Choose the USB folder</source>
        <translation>选择U盘文件夹</translation>
    </message>
    <message>
        <source>Checking packages…</source>
        <translation>正在校验数据包…</translation>
    </message>
    <message>
        <source>Importing packages…</source>
        <translation>正在导入数据包…</translation>
    </message>
    <message>
        <source>Backup made before importing: %1</source>
        <translation>导入前已备份：%1</translation>
    </message>
    <message>
        <source>Ready to import</source>
        <translation>可以导入</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>已导入</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>已拒收</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>跳过</translation>
    </message>
    <message>
        <source>data differs from the sender; a full package will be requested</source>
        <translation>与对方数据不一致，将请对方发送全量数据包</translation>
    </message>
    <message>
        <source>%1 package(s) can be imported, %2 refused.</source>
        <translation>%1 个数据包可以导入，%2 个被拒收。</translation>
    </message>
</context>
<context>
    <name>ItemsDialog</name>
    <message>
        <source>Item</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Unit cost</source>
        <translation>单价</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Remove item</source>
        <translation>删除项目</translation>
    </message>
    <message>
        <source>Items and costs</source>
        <translation>项目与金额</translation>
    </message>
    <message>
        <source>&amp;Add item</source>
        <translation>添加项目(&amp;A)</translation>
    </message>
    <message>
        <source>Total: %1 yuan</source>
        <translation>合计：%1 元</translation>
    </message>
</context>
<context>
    <name>KeysDialog</name>
    <message>
        <source>Keys and partners</source>
        <translation>密钥与对方设备</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>区划代码</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Fingerprint</source>
        <translation>指纹</translation>
    </message>
    <message>
        <source>Place name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Last received</source>
        <translation>最近收到</translation>
    </message>
    <message>
        <source>Last sent</source>
        <translation>最近发出</translation>
    </message>
    <message>
        <source>Unacknowledged</source>
        <translation>未确认</translation>
    </message>
    <message>
        <source>Open conflicts</source>
        <translation>未处理冲突</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Persons</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>Trusted partner computers</source>
        <translation>已信任的对方设备</translation>
    </message>
    <message>
        <source>&amp;Export my key card…</source>
        <translation>导出本机公钥卡(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Trust a key card or package…</source>
        <translation>信任公钥卡或数据包(&amp;T)…</translation>
    </message>
    <message>
        <source>&amp;Replace my key…</source>
        <translation>更换本机密钥(&amp;R)…</translation>
    </message>
    <message>
        <source>Re&amp;voke selected…</source>
        <translation>吊销所选设备(&amp;V)…</translation>
    </message>
    <message>
        <source>This computer: %1 (%2) — fingerprint %3</source>
        <translation>本机：%1（%2）— 指纹 %3</translation>
    </message>
    <message>
        <source>Village</source>
        <translation>村/社区</translation>
    </message>
    <message>
        <source>Township</source>
        <translation>乡镇（街道）</translation>
    </message>
    <message>
        <source>County</source>
        <translation>县（区）</translation>
    </message>
    <message>
        <source>never</source>
        <translation>从未</translation>
    </message>
    <message>
        <source>revoked</source>
        <translation>已吊销</translation>
    </message>
    <message>
        <source>trusted</source>
        <translation>已信任</translation>
    </message>
    <message>
        <source>Where to save the key card</source>
        <translation>公钥卡保存到哪里</translation>
    </message>
    <message>
        <source>Key card saved</source>
        <translation>公钥卡已保存</translation>
    </message>
    <message>
        <source>Key card or first package</source>
        <translation>公钥卡或对方的第一个数据包</translation>
    </message>
    <message>
        <source>Key cards and packages (*.fwkey *.fwpkg)</source>
        <translation>公钥卡和数据包 (*.fwkey *.fwpkg)</translation>
    </message>
    <message>
        <source>Compare the fingerprint</source>
        <translation>核对指纹</translation>
    </message>
    <message>
        <source>%1 (%2). Ask them to read their fingerprint on the phone and type it here:</source>
        <translation>%1（%2）。请对方在电话里念出其指纹，并在此输入：</translation>
    </message>
    <message>
        <source>Replace my key</source>
        <translation>更换本机密钥</translation>
    </message>
    <message>
        <source>Make a new key pair? Partners accept it with your next package.</source>
        <translation>生成新的密钥对？对方会在收到您的下一个数据包时自动接受。</translation>
    </message>
    <message>
        <source>Revoke</source>
        <translation>吊销</translation>
    </message>
    <message>
        <source>Refuse all packages from %1 from now on?</source>
        <translation>从现在起拒收 %1 的所有数据包？</translation>
    </message>
</context>
<context>
    <name>LoanTableModel</name>
    <message>
        <source>Device</source>
        <translation>辅具</translation>
    </message>
    <message>
        <source>Serial</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Borrower</source>
        <translation>借用人</translation>
    </message>
    <message>
        <source>Lent on</source>
        <translation>借出日期</translation>
    </message>
    <message>
        <source>Due on</source>
        <translation>应还日期</translation>
    </message>
    <message>
        <source>Returned on</source>
        <translation>归还日期</translation>
    </message>
    <message>
        <source>Condition on return</source>
        <translation>归还状况</translation>
    </message>
    <message>
        <source>Deposit (yuan)</source>
        <translation>押金（元）</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>超期</translation>
    </message>
</context>
<context>
    <name>LoansPanel</name>
    <message>
        <source>Only devices not yet &amp;returned</source>
        <translation>只看未归还的(&amp;R)</translation>
    </message>
    <message>
        <source>Show only open loans</source>
        <translation>只显示未归还的借用</translation>
    </message>
    <message>
        <source>Loans of shared devices</source>
        <translation>共享辅具借用记录</translation>
    </message>
    <message>
        <source>Register shared &amp;device…</source>
        <translation>登记共享辅具(&amp;D)…</translation>
    </message>
    <message>
        <source>Le&amp;nd…</source>
        <translation>借出(&amp;N)…</translation>
    </message>
    <message>
        <source>Take &amp;back…</source>
        <translation>归还(&amp;B)…</translation>
    </message>
    <message>
        <source>Repair &amp;done…</source>
        <translation>维修完成(&amp;D)…</translation>
    </message>
    <message>
        <source>%1 shared devices, %2 available; %3 repairs open; %4 loans overdue</source>
        <translation>共享辅具 %1 件，可借 %2 件；待修 %3 件；逾期未还 %4 件</translation>
    </message>
    <message>
        <source>Register a shared device</source>
        <translation>登记共享辅具</translation>
    </message>
    <message>
        <source>&amp;Device:</source>
        <translation>辅具(&amp;D)：</translation>
    </message>
    <message>
        <source>&amp;Serial:</source>
        <translation>编号(&amp;S)：</translation>
    </message>
    <message>
        <source>Lend a shared device</source>
        <translation>借出共享辅具</translation>
    </message>
    <message>
        <source>&amp;Borrower:</source>
        <translation>借用人(&amp;B)：</translation>
    </message>
    <message>
        <source>&amp;Lent on:</source>
        <translation>借出日期(&amp;L)：</translation>
    </message>
    <message>
        <source>D&amp;ue on:</source>
        <translation>应还日期(&amp;U)：</translation>
    </message>
    <message>
        <source>De&amp;posit (yuan):</source>
        <translation>押金（元）(&amp;P)：</translation>
    </message>
    <message>
        <source>Take back %1</source>
        <translation>归还 %1</translation>
    </message>
    <message>
        <source>&amp;Returned on:</source>
        <translation>归还日期(&amp;R)：</translation>
    </message>
    <message>
        <source>&amp;Condition:</source>
        <translation>状况(&amp;C)：</translation>
    </message>
    <message>
        <source>&amp;Problem if damaged:</source>
        <translation>损坏情况(&amp;P)：</translation>
    </message>
    <message>
        <source>Repair done</source>
        <translation>维修完成</translation>
    </message>
    <message>
        <source>&amp;Repair:</source>
        <translation>维修记录(&amp;R)：</translation>
    </message>
    <message>
        <source>Repaired &amp;on:</source>
        <translation>修复日期(&amp;O)：</translation>
    </message>
    <message>
        <source>R&amp;esult:</source>
        <translation>结果(&amp;E)：</translation>
    </message>
    <message>
        <source>&amp;Cost (yuan):</source>
        <translation>费用（元）(&amp;C)：</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <source>Locked</source>
        <translation>已锁定</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Locked&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;已锁定&lt;/h2&gt;</translation>
    </message>
    <message>
        <source>Enter the password of %1 to continue.</source>
        <translation>请输入 %1 的密码以继续。</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation>解锁(&amp;U)</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Household records</source>
        <translation>户籍档案</translation>
    </message>
    <message>
        <source>Yearly update survey</source>
        <translation>动态更新调查</translation>
    </message>
    <message>
        <source>Home accessibility renovation</source>
        <translation>无障碍改造</translation>
    </message>
    <message>
        <source>Assistive devices</source>
        <translation>辅助器具</translation>
    </message>
    <message>
        <source>Statistics</source>
        <translation>统计</translation>
    </message>
    <message>
        <source>Disability Worker's Workbench — %1 %2</source>
        <translation>基层残疾人工作台 — %1 %2</translation>
    </message>
    <message>
        <source>Main work areas</source>
        <translation>主要工作区</translation>
    </message>
    <message>
        <source>%1 %2 (%3)</source>
        <translation>%1 %2（%3）</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>E&amp;xit</source>
        <translation>退出(&amp;X)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Larger text</source>
        <translation>放大字体(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Smaller text</source>
        <translation>缩小字体(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About</source>
        <translation>关于(&amp;A)</translation>
    </message>
    <message>
        <source>About</source>
        <translation>关于</translation>
    </message>
    <message>
        <source>Disability Worker's Workbench</source>
        <translation>基层残疾人工作台</translation>
    </message>
</context>
<context>
    <name>NewRequestDialog</name>
    <message>
        <source>Register a need</source>
        <translation>登记需求</translation>
    </message>
    <message>
        <source>Household</source>
        <translation>所属家庭户</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>残疾人</translation>
    </message>
    <message>
        <source>Where the need came from</source>
        <translation>需求来源</translation>
    </message>
    <message>
        <source>Registered on</source>
        <translation>登记日期</translation>
    </message>
    <message>
        <source>What is needed</source>
        <translation>需求描述</translation>
    </message>
    <message>
        <source>&amp;Household:</source>
        <translation>所属家庭户(&amp;H)：</translation>
    </message>
    <message>
        <source>&amp;Person:</source>
        <translation>人员(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Source:</source>
        <translation>需求来源(&amp;S)：</translation>
    </message>
    <message>
        <source>Registered &amp;on:</source>
        <translation>登记日期(&amp;O)：</translation>
    </message>
    <message>
        <source>&amp;What is needed:</source>
        <translation>需求描述(&amp;W)：</translation>
    </message>
</context>
<context>
    <name>PersonDialog</name>
    <message>
        <source>Edit person</source>
        <translation>编辑人员</translation>
    </message>
    <message>
        <source>Add person</source>
        <translation>新增人员</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Full &amp;name:</source>
        <translation>姓名(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;ID number:</source>
        <translation>身份证号(&amp;I)：</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>&amp;Category:</source>
        <translation>残疾类别(&amp;C)：</translation>
    </message>
    <message>
        <source>Disability category</source>
        <translation>残疾类别</translation>
    </message>
    <message>
        <source>Categories of a multiple disability</source>
        <translation>多重残疾的具体类别</translation>
    </message>
    <message>
        <source>&amp;Grade:</source>
        <translation>残疾等级(&amp;G)：</translation>
    </message>
    <message>
        <source>Disability grade</source>
        <translation>残疾等级</translation>
    </message>
    <message>
        <source>Disability &amp;card number:</source>
        <translation>残疾人证号(&amp;C)：</translation>
    </message>
    <message>
        <source>Disability card number</source>
        <translation>残疾人证号</translation>
    </message>
    <message>
        <source>Empty: ID number + category + grade</source>
        <translation>留空则按“身份证号+类别+等级”生成</translation>
    </message>
    <message>
        <source>&amp;Ethnicity:</source>
        <translation>民族(&amp;E)：</translation>
    </message>
    <message>
        <source>Ethnicity</source>
        <translation>民族</translation>
    </message>
    <message>
        <source>&amp;Household:</source>
        <translation>所属家庭户(&amp;H)：</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Household</source>
        <translation>所属家庭户</translation>
    </message>
    <message>
        <source>&amp;Relation to head:</source>
        <translation>与户主关系(&amp;R)：</translation>
    </message>
    <message>
        <source>Relation to household head</source>
        <translation>与户主关系</translation>
    </message>
    <message>
        <source>&amp;Phone:</source>
        <translation>联系电话(&amp;P)：</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <source>G&amp;uardian:</source>
        <translation>监护人(&amp;U)：</translation>
    </message>
    <message>
        <source>Guardian name</source>
        <translation>监护人姓名</translation>
    </message>
    <message>
        <source>Guardian p&amp;hone:</source>
        <translation>监护人电话(&amp;H)：</translation>
    </message>
    <message>
        <source>Guardian phone</source>
        <translation>监护人电话</translation>
    </message>
    <message>
        <source>&amp;Status:</source>
        <translation>人员状态(&amp;S)：</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Status &amp;date:</source>
        <translation>变动日期(&amp;D)：</translation>
    </message>
    <message>
        <source>Status date</source>
        <translation>变动日期</translation>
    </message>
    <message>
        <source>Receives di&amp;bao</source>
        <translation>享受低保(&amp;B)</translation>
    </message>
    <message>
        <source>Receives dibao</source>
        <translation>享受低保</translation>
    </message>
    <message>
        <source>Receives &amp;living subsidy</source>
        <translation>享受困难残疾人生活补贴(&amp;L)</translation>
    </message>
    <message>
        <source>Receives living subsidy for persons in difficulty</source>
        <translation>享受困难残疾人生活补贴</translation>
    </message>
    <message>
        <source>Receives care subsid&amp;y</source>
        <translation>享受重度残疾人护理补贴(&amp;Y)</translation>
    </message>
    <message>
        <source>Receives care subsidy for severely disabled persons</source>
        <translation>享受重度残疾人护理补贴</translation>
    </message>
    <message>
        <source>Signed with a &amp;family doctor</source>
        <translation>已签约家庭医生(&amp;F)</translation>
    </message>
    <message>
        <source>Signed with a family doctor</source>
        <translation>已签约家庭医生</translation>
    </message>
    <message>
        <source>&amp;Pension insurance:</source>
        <translation>养老保险(&amp;P)：</translation>
    </message>
    <message>
        <source>Pension insurance</source>
        <translation>养老保险</translation>
    </message>
    <message>
        <source>&amp;Medical insurance:</source>
        <translation>医疗保险(&amp;M)：</translation>
    </message>
    <message>
        <source>Medical insurance</source>
        <translation>医疗保险</translation>
    </message>
    <message>
        <source>Educa&amp;tion:</source>
        <translation>受教育状态(&amp;T)：</translation>
    </message>
    <message>
        <source>Education status</source>
        <translation>受教育状态</translation>
    </message>
    <message>
        <source>Emplo&amp;yment:</source>
        <translation>就业状态(&amp;Y)：</translation>
    </message>
    <message>
        <source>Employment status</source>
        <translation>就业状态</translation>
    </message>
    <message>
        <source>N&amp;otes:</source>
        <translation>备注(&amp;O)：</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>%1, born %2, age %3</source>
        <translation>%1，出生于 %2，%3 岁</translation>
    </message>
    <message>
        <source>Please correct the fields marked in red.</source>
        <translation>请修改标红的项目。</translation>
    </message>
</context>
<context>
    <name>PersonTableModel</name>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>年龄</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>残疾类别</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>残疾等级</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Dibao</source>
        <translation>低保</translation>
    </message>
    <message>
        <source>Living subsidy</source>
        <translation>生活补贴</translation>
    </message>
    <message>
        <source>Care subsidy</source>
        <translation>护理补贴</translation>
    </message>
    <message>
        <source>Household head</source>
        <translation>户主</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>住址</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
</context>
<context>
    <name>ProblemTableModel</name>
    <message>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
</context>
<context>
    <name>QuestionRow</name>
    <message>
        <source> (optional)</source>
        <translation>（选填）</translation>
    </message>
    <message>
        <source>Carried over from last year — confirm or change</source>
        <translation>沿用上年答案——请确认或修改</translation>
    </message>
</context>
<context>
    <name>RecoveryDialog</name>
    <message>
        <source>Recover access</source>
        <translation>找回访问权限</translation>
    </message>
    <message>
        <source>Use the &amp;recovery key from the printed sheet</source>
        <translation>使用恢复单上的恢复密钥(&amp;R)</translation>
    </message>
    <message>
        <source>Use a recovery &amp;file from the township</source>
        <translation>使用乡镇出具的恢复文件(&amp;F)</translation>
    </message>
    <message>
        <source>Recovery key</source>
        <translation>恢复密钥</translation>
    </message>
    <message>
        <source>Recovery file</source>
        <translation>恢复文件</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>浏览(&amp;B)…</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>账户</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>新密码</translation>
    </message>
    <message>
        <source>Recovery &amp;key:</source>
        <translation>恢复密钥(&amp;K)：</translation>
    </message>
    <message>
        <source>Recovery f&amp;ile:</source>
        <translation>恢复文件(&amp;I)：</translation>
    </message>
    <message>
        <source>&amp;Account:</source>
        <translation>账户(&amp;A)：</translation>
    </message>
    <message>
        <source>&amp;New password:</source>
        <translation>新密码(&amp;N)：</translation>
    </message>
</context>
<context>
    <name>RecoveryKeyDialog</name>
    <message>
        <source>Recovery key</source>
        <translation>恢复密钥</translation>
    </message>
    <message>
        <source>If the password is forgotten, this recovery key is the only way back into the data (besides the township's copy). Print the sheet now and keep it in the office safe. It is shown only this once.</source>
        <translation>忘记密码时，这个恢复密钥是找回数据的唯一办法（乡镇保存的密封副本除外）。请现在打印恢复单，放进办公室保险柜。恢复密钥只显示这一次。</translation>
    </message>
    <message>
        <source>&amp;Save the recovery sheet (PDF) and open it…</source>
        <translation>保存恢复单（PDF）并打开(&amp;S)…</translation>
    </message>
    <message>
        <source>I have &amp;printed or written down the recovery key</source>
        <translation>我已打印或抄写恢复密钥(&amp;P)</translation>
    </message>
    <message>
        <source>Recovery key kept</source>
        <translation>已保存恢复密钥</translation>
    </message>
    <message>
        <source>Save the recovery sheet</source>
        <translation>保存恢复单</translation>
    </message>
</context>
<context>
    <name>RequestDetailView</name>
    <message>
        <source>Request details and history</source>
        <translation>申请详情与办理经过</translation>
    </message>
    <message>
        <source>Photos</source>
        <translation>照片</translation>
    </message>
    <message>
        <source>Photos of the request</source>
        <translation>申请的照片</translation>
    </message>
    <message>
        <source>Remo&amp;ve photo</source>
        <translation>删除照片(&amp;V)</translation>
    </message>
    <message>
        <source>Remove the selected photo</source>
        <translation>删除所选照片</translation>
    </message>
    <message>
        <source>Photos (%1)</source>
        <translation>照片（%1）</translation>
    </message>
</context>
<context>
    <name>RequestTableModel</name>
    <message>
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Household or person</source>
        <translation>户/人</translation>
    </message>
    <message>
        <source>Disability category</source>
        <translation>残疾类别</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>超期</translation>
    </message>
    <message>
        <source>Registered on</source>
        <translation>登记日期</translation>
    </message>
    <message>
        <source>Age (days)</source>
        <translation>已用天数</translation>
    </message>
    <message>
        <source>Days in stage</source>
        <translation>本阶段天数</translation>
    </message>
    <message>
        <source>Estimate (yuan)</source>
        <translation>预算（元）</translation>
    </message>
    <message>
        <source>Approved (yuan)</source>
        <translation>核定金额（元）</translation>
    </message>
</context>
<context>
    <name>RequestsTab</name>
    <message>
        <source>Device views</source>
        <translation>辅助器具视图</translation>
    </message>
    <message>
        <source>De&amp;vice requests</source>
        <translation>辅具申请(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Lending point</source>
        <translation>借用点(&amp;L)</translation>
    </message>
    <message>
        <source>Sea&amp;rch:</source>
        <translation>搜索(&amp;R)：</translation>
    </message>
    <message>
        <source>number, name, address or item</source>
        <translation>编号、姓名、住址或项目</translation>
    </message>
    <message>
        <source>Search requests</source>
        <translation>搜索申请</translation>
    </message>
    <message>
        <source>Filter by stage</source>
        <translation>按阶段筛选</translation>
    </message>
    <message>
        <source>all stages</source>
        <translation>全部阶段</translation>
    </message>
    <message>
        <source>&amp;Overdue only</source>
        <translation>只看超期(&amp;O)</translation>
    </message>
    <message>
        <source>Show only overdue requests</source>
        <translation>只显示超期的申请</translation>
    </message>
    <message>
        <source>O&amp;pen only</source>
        <translation>只看未办结(&amp;P)</translation>
    </message>
    <message>
        <source>Hide finished and cancelled requests</source>
        <translation>隐藏已办结和已撤销的申请</translation>
    </message>
    <message>
        <source>Show &amp;all</source>
        <translation>显示全部(&amp;A)</translation>
    </message>
    <message>
        <source>Show the requests of everyone</source>
        <translation>显示所有人的申请</translation>
    </message>
    <message>
        <source>Only: %1</source>
        <translation>只显示：%1</translation>
    </message>
    <message>
        <source>Next step:</source>
        <translation>下一步：</translation>
    </message>
    <message>
        <source>&amp;New request…</source>
        <translation>新登记(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Items and costs…</source>
        <translation>项目与金额(&amp;I)…</translation>
    </message>
    <message>
        <source>Add p&amp;hoto</source>
        <translation>添加照片(&amp;H)</translation>
    </message>
    <message>
        <source>Add photo</source>
        <translation>添加照片</translation>
    </message>
    <message>
        <source>Photo before renovation…</source>
        <translation>改造前照片…</translation>
    </message>
    <message>
        <source>Photo after renovation…</source>
        <translation>改造后照片…</translation>
    </message>
    <message>
        <source>Other photo…</source>
        <translation>其他照片…</translation>
    </message>
    <message>
        <source>&amp;Print forms</source>
        <translation>打印表格(&amp;P)</translation>
    </message>
    <message>
        <source>Print forms of the selected requests</source>
        <translation>打印所选申请的表格</translation>
    </message>
    <message>
        <source>%1 — to printer…</source>
        <translation>%1 — 打印…</translation>
    </message>
    <message>
        <source>%1 — save as PDF…</source>
        <translation>%1 — 保存为PDF…</translation>
    </message>
    <message>
        <source>Subsidy &amp;cap…</source>
        <translation>补助上限(&amp;C)…</translation>
    </message>
    <message>
        <source>Subsidy cap</source>
        <translation>补助上限</translation>
    </message>
    <message>
        <source>%1 requests shown, %2 overdue</source>
        <translation>显示 %1 项申请，其中超期 %2 项</translation>
    </message>
    <message>
        <source>Other requests of this household or person</source>
        <translation>该户（人）的其他申请</translation>
    </message>
    <message>
        <source>No further steps.</source>
        <translation>已无后续步骤。</translation>
    </message>
    <message>
        <source>Please note</source>
        <translation>请注意</translation>
    </message>
    <message>
        <source>Subsidy cap: %1 yuan</source>
        <translation>补助上限：%1 元</translation>
    </message>
    <message>
        <source>Choose a photo</source>
        <translation>选择照片</translation>
    </message>
    <message>
        <source>Photos (*.jpg *.jpeg *.png);;All files (*)</source>
        <translation>照片 (*.jpg *.jpeg *.png);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Subsidy cap per household (yuan):</source>
        <translation>每户补助上限（元）：</translation>
    </message>
    <message>
        <source>Subsidy cap per person (yuan):</source>
        <translation>每人补助上限（元）：</translation>
    </message>
    <message>
        <source>Save forms as PDF</source>
        <translation>保存表格为PDF</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Writing forms…</source>
        <translation>正在生成表格…</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <source>Printing…</source>
        <translation>正在打印…</translation>
    </message>
    <message>
        <source>%1 pages sent to the printer</source>
        <translation>已发送 %1 页到打印机</translation>
    </message>
</context>
<context>
    <name>RosterTab</name>
    <message>
        <source>Roster views</source>
        <translation>户籍档案视图</translation>
    </message>
    <message>
        <source>&amp;Persons</source>
        <translation>人员(&amp;P)</translation>
    </message>
    <message>
        <source>Hou&amp;seholds</source>
        <translation>家庭户(&amp;S)</translation>
    </message>
    <message>
        <source>Sea&amp;rch:</source>
        <translation>搜索(&amp;R)：</translation>
    </message>
    <message>
        <source>name, ID number, card number or pinyin initials (zs → 张三)</source>
        <translation>姓名、身份证号、残疾人证号或拼音首字母（zs → 张三）</translation>
    </message>
    <message>
        <source>Search persons</source>
        <translation>搜索人员</translation>
    </message>
    <message>
        <source>all</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>all categories</source>
        <translation>全部类别</translation>
    </message>
    <message>
        <source>Filter by category</source>
        <translation>按残疾类别筛选</translation>
    </message>
    <message>
        <source>all grades</source>
        <translation>全部等级</translation>
    </message>
    <message>
        <source>Filter by grade</source>
        <translation>按残疾等级筛选</translation>
    </message>
    <message>
        <source>all statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>Filter by status</source>
        <translation>按人员状态筛选</translation>
    </message>
    <message>
        <source>dibao: %1</source>
        <translation>低保：%1</translation>
    </message>
    <message>
        <source>dibao: yes</source>
        <translation>低保：是</translation>
    </message>
    <message>
        <source>dibao: no</source>
        <translation>低保：否</translation>
    </message>
    <message>
        <source>Filter by dibao</source>
        <translation>按低保筛选</translation>
    </message>
    <message>
        <source>living subsidy: %1</source>
        <translation>生活补贴：%1</translation>
    </message>
    <message>
        <source>living subsidy: yes</source>
        <translation>生活补贴：是</translation>
    </message>
    <message>
        <source>living subsidy: no</source>
        <translation>生活补贴：否</translation>
    </message>
    <message>
        <source>Filter by living subsidy</source>
        <translation>按生活补贴筛选</translation>
    </message>
    <message>
        <source>care subsidy: %1</source>
        <translation>护理补贴：%1</translation>
    </message>
    <message>
        <source>care subsidy: yes</source>
        <translation>护理补贴：是</translation>
    </message>
    <message>
        <source>care subsidy: no</source>
        <translation>护理补贴：否</translation>
    </message>
    <message>
        <source>Filter by care subsidy</source>
        <translation>按护理补贴筛选</translation>
    </message>
    <message>
        <source>Show &amp;deleted</source>
        <translation>显示已删除(&amp;D)</translation>
    </message>
    <message>
        <source>Show deleted persons instead of the roster</source>
        <translation>显示已删除的人员（代替在册名单）</translation>
    </message>
    <message>
        <source>Persons</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>&amp;Add person</source>
        <translation>新增人员(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>De&amp;lete</source>
        <translation>删除(&amp;L)</translation>
    </message>
    <message>
        <source>Rest&amp;ore</source>
        <translation>恢复(&amp;O)</translation>
    </message>
    <message>
        <source>C&amp;hange history</source>
        <translation>修改记录(&amp;H)</translation>
    </message>
    <message>
        <source>Assistive de&amp;vice requests</source>
        <translation>辅助器具需求(&amp;V)</translation>
    </message>
    <message>
        <source>Home renovation re&amp;quests</source>
        <translation>无障碍改造申请(&amp;Q)</translation>
    </message>
    <message>
        <source>Households</source>
        <translation>家庭户</translation>
    </message>
    <message>
        <source>Disabled members of the selected household</source>
        <translation>所选家庭户的残疾人成员</translation>
    </message>
    <message>
        <source>Members of the selected household</source>
        <translation>所选家庭户的成员</translation>
    </message>
    <message>
        <source>Add &amp;household</source>
        <translation>新增家庭户(&amp;H)</translation>
    </message>
    <message>
        <source>Edit househol&amp;d</source>
        <translation>编辑家庭户(&amp;D)</translation>
    </message>
    <message>
        <source>Delete house&amp;hold</source>
        <translation>删除家庭户(&amp;H)</translation>
    </message>
    <message>
        <source>Add &amp;member</source>
        <translation>为该户添加成员(&amp;M)</translation>
    </message>
    <message>
        <source>%1 deleted persons</source>
        <translation>已删除 %1 人</translation>
    </message>
    <message>
        <source>%1 persons shown</source>
        <translation>共显示 %1 人</translation>
    </message>
    <message>
        <source>Delete person</source>
        <translation>删除人员</translation>
    </message>
    <message>
        <source>Delete %1? The record goes to the deleted list and can be restored.</source>
        <translation>删除 %1？记录将移入“已删除”，可以恢复。</translation>
    </message>
    <message>
        <source>%1 deleted. Use Change history or Show deleted to restore.</source>
        <translation>已删除 %1。可在“修改记录”或“显示已删除”中恢复。</translation>
    </message>
    <message>
        <source>Cannot restore</source>
        <translation>无法恢复</translation>
    </message>
    <message>
        <source>Cannot delete</source>
        <translation>无法删除</translation>
    </message>
</context>
<context>
    <name>SecurityDialogs</name>
    <message>
        <source>OK</source>
        <translation>确定</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>SecurityGuard</name>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Back up to USB drive…</source>
        <translation>备份到U盘(&amp;B)…</translation>
    </message>
    <message>
        <source>&amp;Restore from backup…</source>
        <translation>从备份恢复(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Security</source>
        <translation>安全(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Lock now</source>
        <translation>立即锁定(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Activity log…</source>
        <translation>操作记录(&amp;A)…</translation>
    </message>
    <message>
        <source>A&amp;ccounts and password…</source>
        <translation>账户与密码(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;New recovery key…</source>
        <translation>生成新的恢复密钥(&amp;N)…</translation>
    </message>
    <message>
        <source>Lock &amp;after idle time…</source>
        <translation>空闲自动锁定时间(&amp;A)…</translation>
    </message>
    <message>
        <source>Lock after idle time</source>
        <translation>空闲自动锁定</translation>
    </message>
    <message>
        <source>Lock the window after this many idle minutes:</source>
        <translation>空闲多少分钟后锁定窗口：</translation>
    </message>
    <message>
        <source>New recovery key</source>
        <translation>新的恢复密钥</translation>
    </message>
    <message>
        <source>The old recovery sheet will stop working. Continue?</source>
        <translation>旧的恢复单将作废。继续吗？</translation>
    </message>
    <message>
        <source>Choose the USB drive or folder</source>
        <translation>选择U盘或文件夹</translation>
    </message>
    <message>
        <source>Backing up…</source>
        <translation>正在备份…</translation>
    </message>
    <message>
        <source>Choose a backup</source>
        <translation>选择备份文件</translation>
    </message>
    <message>
        <source>Backups (*.db)</source>
        <translation>备份文件 (*.db)</translation>
    </message>
    <message>
        <source>Restore from backup</source>
        <translation>从备份恢复</translation>
    </message>
</context>
<context>
    <name>SetPasswordDialog</name>
    <message>
        <source>Protect the data with a password</source>
        <translation>用密码保护数据</translation>
    </message>
    <message>
        <source>Account name</source>
        <translation>账户名</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>新密码</translation>
    </message>
    <message>
        <source>Repeat the password</source>
        <translation>再次输入密码</translation>
    </message>
    <message>
        <source>&amp;Account:</source>
        <translation>账户(&amp;A)：</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Repeat:</source>
        <translation>再次输入(&amp;R)：</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>账户</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>&amp;Account:</source>
        <translation>账户(&amp;A)：</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Sign in</source>
        <translation>登录(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Forgot password…</source>
        <translation>忘记密码(&amp;F)…</translation>
    </message>
</context>
<context>
    <name>SurveyDialog</name>
    <message>
        <source>Yearly update survey %1 — %2</source>
        <translation>%1年动态更新调查——%2</translation>
    </message>
    <message>
        <source>Survey form</source>
        <translation>调查表</translation>
    </message>
    <message>
        <source>Problems to resolve</source>
        <translation>待解决的问题</translation>
    </message>
    <message>
        <source>Survey method</source>
        <translation>调查方式</translation>
    </message>
    <message>
        <source>Surveyor</source>
        <translation>调查员</translation>
    </message>
    <message>
        <source>Survey date</source>
        <translation>调查日期</translation>
    </message>
    <message>
        <source>Met&amp;hod:</source>
        <translation>调查方式(&amp;H)：</translation>
    </message>
    <message>
        <source>Sur&amp;veyor:</source>
        <translation>调查员(&amp;V)：</translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation>调查日期(&amp;D)：</translation>
    </message>
    <message>
        <source>C&amp;onfirm carried-over answers</source>
        <translation>确认沿用的答案(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>打印(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Save draft</source>
        <translation>保存草稿(&amp;S)</translation>
    </message>
    <message>
        <source>Co&amp;mplete</source>
        <translation>完成调查(&amp;M)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>; answers carried over from %1</source>
        <translation>；已沿用%1年的答案</translation>
    </message>
    <message>
        <source>Status: %1</source>
        <translation>状态：%1</translation>
    </message>
    <message>
        <source>%1 of %2 required items answered</source>
        <translation>必答项已答 %1 / %2</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>校验</translation>
    </message>
    <message>
        <source>Follow up</source>
        <translation>待跟进</translation>
    </message>
    <message>
        <source>Cannot complete yet: %1 problems</source>
        <translation>尚不能完成：有 %1 个问题</translation>
    </message>
</context>
<context>
    <name>SurveyListModel</name>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>年龄</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>残疾类别</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>残疾等级</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>住址</translation>
    </message>
    <message>
        <source>Survey status</source>
        <translation>调查状态</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>调查方式</translation>
    </message>
    <message>
        <source>Surveyor</source>
        <translation>调查员</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>调查日期</translation>
    </message>
    <message>
        <source>Failed checks</source>
        <translation>未通过校验</translation>
    </message>
    <message>
        <source>%1 blocking</source>
        <translation>%1 项阻止完成</translation>
    </message>
    <message>
        <source>%1 to follow up</source>
        <translation>%1 项待跟进</translation>
    </message>
</context>
<context>
    <name>SurveyPrinting</name>
    <message>
        <source>Print survey forms</source>
        <translation>打印调查表</translation>
    </message>
</context>
<context>
    <name>SurveyTab</name>
    <message>
        <source>Persons to survey</source>
        <translation>调查对象</translation>
    </message>
    <message>
        <source>Survey year</source>
        <translation>调查年度</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>Survey status filter</source>
        <translation>按调查状态筛选</translation>
    </message>
    <message>
        <source>All categories</source>
        <translation>全部类别</translation>
    </message>
    <message>
        <source>Disability category filter</source>
        <translation>按残疾类别筛选</translation>
    </message>
    <message>
        <source>Only &amp;failed checks</source>
        <translation>只看未通过校验(&amp;F)</translation>
    </message>
    <message>
        <source>Only persons with failed checks</source>
        <translation>只显示未通过校验的人员</translation>
    </message>
    <message>
        <source>Name or ID number</source>
        <translation>姓名或证件号</translation>
    </message>
    <message>
        <source>Search persons</source>
        <translation>搜索人员</translation>
    </message>
    <message>
        <source>&amp;Year:</source>
        <translation>年度(&amp;Y)：</translation>
    </message>
    <message>
        <source>S&amp;tatus:</source>
        <translation>状态(&amp;T)：</translation>
    </message>
    <message>
        <source>Cate&amp;gory:</source>
        <translation>类别(&amp;G)：</translation>
    </message>
    <message>
        <source>Searc&amp;h:</source>
        <translation>搜索(&amp;H)：</translation>
    </message>
    <message>
        <source>Survey progress</source>
        <translation>调查进度</translation>
    </message>
    <message>
        <source>%v of %m done (%p%)</source>
        <translation>已完成 %v / %m（%p%）</translation>
    </message>
    <message>
        <source>&amp;Open survey</source>
        <translation>打开调查表(&amp;O)</translation>
    </message>
    <message>
        <source>Print to P&amp;DF</source>
        <translation>打印为 PDF(&amp;D)</translation>
    </message>
    <message>
        <source>Selected persons…</source>
        <translation>所选人员…</translation>
    </message>
    <message>
        <source>Whole village…</source>
        <translation>全村（社区）…</translation>
    </message>
    <message>
        <source>Not yet surveyed only…</source>
        <translation>仅未调查人员…</translation>
    </message>
    <message>
        <source>Blank form…</source>
        <translation>空白调查表…</translation>
    </message>
    <message>
        <source>&amp;Print selected…</source>
        <translation>打印所选(&amp;P)…</translation>
    </message>
    <message>
        <source>Mark completed as s&amp;ubmitted…</source>
        <translation>将已完成标记为已提交(&amp;U)…</translation>
    </message>
    <message>
        <source>Failed checks: %1</source>
        <translation>未通过校验：%1 人</translation>
    </message>
    <message>
        <source>Select one or more persons first.</source>
        <translation>请先选择一名或多名人员。</translation>
    </message>
    <message>
        <source>Save survey forms as PDF</source>
        <translation>将调查表保存为 PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Printing survey forms…</source>
        <translation>正在生成调查表…</translation>
    </message>
    <message>
        <source>Saved %1 forms, %2 pages: %3</source>
        <translation>已保存 %1 份调查表，共 %2 页：%3</translation>
    </message>
    <message>
        <source>Sent %1 forms, %2 pages to the printer.</source>
        <translation>已发送 %1 份调查表（共 %2 页）到打印机。</translation>
    </message>
    <message>
        <source>Submit</source>
        <translation>提交</translation>
    </message>
    <message>
        <source>There are no completed surveys to submit.</source>
        <translation>没有可提交的已完成调查。</translation>
    </message>
    <message>
        <source>Mark %1 completed surveys as submitted? They can no longer be changed.</source>
        <translation>将 %1 份已完成的调查标记为已提交？提交后不能再修改。</translation>
    </message>
</context>
<context>
    <name>TransitionDialog</name>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <source>Reason (required)</source>
        <translation>原因（必填）</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>&amp;Reason (required):</source>
        <translation>原因（必填）(&amp;R)：</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>说明(&amp;N)：</translation>
    </message>
    <message>
        <source>yuan</source>
        <translation>元</translation>
    </message>
</context>
</TS>