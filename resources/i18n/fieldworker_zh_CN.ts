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
</TS>