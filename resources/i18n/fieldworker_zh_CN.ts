<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
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
        <source>The yearly survey is coming soon.</source>
        <translation>动态更新调查功能即将提供。</translation>
    </message>
    <message>
        <source>Home accessibility renovation</source>
        <translation>无障碍改造</translation>
    </message>
    <message>
        <source>Renovation requests are coming soon.</source>
        <translation>无障碍改造申请功能即将提供。</translation>
    </message>
    <message>
        <source>Assistive devices</source>
        <translation>辅助器具</translation>
    </message>
    <message>
        <source>Assistive device needs are coming soon.</source>
        <translation>辅助器具需求功能即将提供。</translation>
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
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
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
        <translation>等级</translation>
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
</TS>