using System.Text;
using OutlookCommit.Analysis.Model;

namespace OutlookCommit.Benchmarks;

/// <summary>
/// The benchmark drafts, as constants: no file or ../shared dependency at run time. The reference time is fixed so
/// every run resolves the same dates (Friday 27 November 2026, morning, in the rep's offset).
/// </summary>
public static class Inputs
{
    public static readonly DateTimeOffset EnglishReference = new(2026, 11, 27, 9, 30, 0, TimeSpan.FromHours(-5));
    public static readonly DateTimeOffset ChineseReference = new(2026, 11, 27, 9, 30, 0, TimeSpan.FromHours(8));

    public const string EnglishSubject = "Follow-up: data platform workshop with your IT team";

    /// <summary>About 2 KB: greeting, four paragraphs with a workshop proposal, named people, a date, a confirmation question, signature.</summary>
    public const string EnglishBody = """
        Hi Sarah,

        Thank you again for taking the time to meet with Tom and me on Tuesday. It was great to hear how your team is
        consolidating the regional sales reports, and the numbers you shared about the month-end close (four days of
        manual reconciliation across three spreadsheets) made the problem very concrete for us.

        As discussed, I would like to propose a two-hour working session with your IT team to map the current data
        flows and agree on the scope of a pilot. On our side, Priya Natarajan, our solutions architect, will walk
        through the reference architecture and show how the connectors handle the SAP and Salesforce extracts you
        mentioned. It would help a lot if David Chen and someone from the security team could join, since the
        single sign-on and data residency questions came up several times.

        We could hold the workshop on Thursday, December 10 from 2:00 to 4:00 pm Eastern, either at your Boston office
        or over Teams, whichever is easier for everyone. Before then, I will send you a short questionnaire about
        data volumes and refresh frequency by Wednesday, December 2, so that Priya can prepare a tailored demo rather
        than a generic one. If you could share the current report templates by the end of next week, even better.

        After the workshop we will put together a written summary with the proposed pilot scope, timeline and a
        budget estimate, so you have something concrete to bring to the steering committee meeting in January. Tom
        mentioned that your team is also looking at another vendor; if it helps, we are happy to arrange a call with
        two of our customers in financial services who went through the same consolidation last year.

        Could you confirm whether Thursday, December 10 at 2 pm works for you and David, and let me know who else
        from your side should be invited?

        Best regards,
        Michael Grant
        Senior Account Executive | Northwind Analytics
        +1 (617) 555-0142 | michael.grant@northwind-analytics.example
        """;

    public const string ChineseSubject = "关于数据平台技术交流会的跟进";

    /// <summary>About 2 KB (UTF-8): the same shape as the English message, in Chinese.</summary>
    public const string ChineseBody = """
        王总，您好！

        感谢您上周二在百忙之中抽出时间与我和刘工见面。听您介绍贵司目前各区域销售报表的整合情况，我们收获很大。特别是您提到的月末结账流程——财务团队需要花四天时间在三张表格之间手工对账——让我们对问题有了非常具体的认识，也更清楚贵司最关心的是数据的准确性和及时性。

        按照会上的讨论，我们希望安排一次两个小时的技术交流会，与贵司信息技术部一起梳理现有的数据流程，并确定试点项目的范围。我方将由解决方案架构师陈静介绍整体参考架构，并现场演示如何对接您提到的SAP和金蝶系统的数据抽取。如果张经理和信息安全部的同事也能参加就更好了，因为单点登录和数据存放地点的问题在会上被多次提到，届时可以一并讨论。

        我们建议把交流会安排在12月10日（周四）下午2点到4点，地点可以在贵司上海办公室，也可以通过腾讯会议进行，以各位方便为准。在此之前，我会在12月2日前把一份关于数据量和更新频率的简短问卷发给您，方便陈静提前准备有针对性的演示，而不是泛泛的介绍。如果您能在下周五之前把现有的报表模板发给我们，那就更好了。

        交流会结束后，我们会整理一份书面纪要，包括试点范围、实施计划和预算估算，方便您在明年一月的项目决策会上汇报。另外，刘工提到贵司也在评估其他厂商的方案，如有需要，我们可以安排您与两家金融行业的客户交流，他们去年完成了类似的报表整合项目。

        请问12月10日下午2点您和张经理是否方便？另外，贵司还有哪些同事需要一起参加，也请告诉我，我好提前发会议邀请。

        祝工作顺利！

        李明
        大客户经理 | 北风数据科技有限公司
        电话：021-5555-0142 | 邮箱：li.ming@northwind-data.example
        """;

    public const string ThreadSubject = "RE: Pilot scope and next steps";

    /// <summary>The rep's new reply on top of the quoted thread, as plain text (the recognizer baseline reads this).</summary>
    public const string ReplyText = """
        Hi Sarah,

        Thanks for pulling this thread together. I spoke with Priya this morning and we can do the pilot kick-off with
        David and the security team on Tuesday, December 8 at 10:00 am Eastern over Teams. I will send the agenda and
        the updated data questionnaire by Thursday so everyone has time to review it.

        Could you confirm that Tuesday at 10 works for you and David?

        Best regards,
        Michael Grant
        """;

    private static readonly (string From, string Sent, string To, string Subject, string Body)[] EarlierMessages =
    [
        ("Sarah Miller <sarah.miller@contoso.example>", "Wednesday, November 25, 2026 4:12 PM",
         "Michael Grant <michael.grant@northwind-analytics.example>; David Chen <david.chen@contoso.example>", "RE: Pilot scope and next steps",
         "Hi Michael, I have looped in David from IT. We reviewed the scope document internally and we are broadly aligned. "
         + "Two open points remain: the security review for the connectors and the data residency question for the EU entities. "
         + "David would like to understand how the SAP extract is scheduled and whether it can run outside business hours. "
         + "Could your team propose a date for a kick-off call in early December? Thanks, Sarah"),
        ("Michael Grant <michael.grant@northwind-analytics.example>", "Tuesday, November 24, 2026 11:03 AM",
         "Sarah Miller <sarah.miller@contoso.example>", "RE: Pilot scope and next steps",
         "Hi Sarah, attached is the revised scope document. We reduced the pilot to the three largest regions and dropped the forecasting module "
         + "for now, which brings the timeline down to six weeks. The budget estimate is on page four. We also added a section on the "
         + "security review process, with the questionnaire your team asked for. Happy to walk through it whenever suits you. Best regards, Michael"),
        ("Sarah Miller <sarah.miller@contoso.example>", "Friday, November 20, 2026 2:47 PM",
         "Michael Grant <michael.grant@northwind-analytics.example>", "RE: Pilot scope and next steps",
         "Michael, thanks for the proposal. The steering committee liked the idea but felt the scope was too wide for a first phase. "
         + "Could you narrow it down to the regions with the most manual reconciliation work? Also, finance asked whether the "
         + "month-end close could be shortened by at least two days, which would be the main success criterion. Regards, Sarah"),
        ("Michael Grant <michael.grant@northwind-analytics.example>", "Monday, November 16, 2026 9:20 AM",
         "Sarah Miller <sarah.miller@contoso.example>", "Pilot scope and next steps",
         "Hi Sarah, following our call last week, please find our initial proposal for the pilot. It covers all eight regions, "
         + "the consolidation of the sales reports, the forecasting module and a self-service dashboard for the regional managers. "
         + "We estimated ten weeks including user acceptance testing. Let me know what you think and whether we should present it to the "
         + "steering committee. Best regards, Michael"),
        ("Sarah Miller <sarah.miller@contoso.example>", "Thursday, November 12, 2026 5:31 PM",
         "Michael Grant <michael.grant@northwind-analytics.example>", "Thank you for the call",
         "Michael, thank you for the call today. As mentioned, our main pain point is the month-end close: four days of manual "
         + "reconciliation across three spreadsheets, with frequent errors in the regional totals. We would be interested in a pilot "
         + "if the effort on our side stays reasonable. Please send over a proposal when you can. Kind regards, Sarah"),
    ];

    /// <summary>
    /// About 50 KB of Outlook-style HTML: the reply above, then divRplyFwdMsg and the earlier messages, each with its
    /// From/Sent/To/Subject header and nested in a blockquote as Outlook on the web and Gmail produce them.
    /// Deterministic: built from the constants above.
    /// </summary>
    public static string ThreadHtml { get; } = BuildThreadHtml(targetBytes: 50 * 1024);

    private static string BuildThreadHtml(int targetBytes)
    {
        const string pStyle = "<p class=\"MsoNormal\" style=\"margin:0in;font-size:11pt;font-family:Calibri,sans-serif;color:rgb(0,0,0)\">";
        var html = new StringBuilder();
        html.Append("<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=utf-8\">")
            .Append("<style type=\"text/css\" style=\"display:none;\"> P {margin-top:0;margin-bottom:0;} ")
            .Append(".MsoNormal {margin:0in;font-size:11.0pt;font-family:\"Calibri\",sans-serif;} </style></head>")
            .Append("<body dir=\"ltr\"><div class=\"elementToProof\" style=\"font-family:Aptos,Calibri,Helvetica,sans-serif;font-size:12pt;color:rgb(0,0,0)\">");
        foreach (var paragraph in ReplyText.Split("\n\n"))
            html.Append(pStyle).Append(System.Net.WebUtility.HtmlEncode(paragraph).Replace("\n", "<br>")).Append("</p><p><br></p>");
        html.Append("</div><div id=\"appendonsend\"></div><hr style=\"display:inline-block;width:98%\" tabindex=\"-1\">");

        var round = 0;
        while (html.Length < targetBytes - 200)
        {
            foreach (var m in EarlierMessages)
            {
                if (html.Length >= targetBytes - 200) break;
                html.Append("<div id=\"divRplyFwdMsg\" dir=\"ltr\"><font face=\"Calibri, sans-serif\" style=\"font-size:11pt\" color=\"#000000\">")
                    .Append("<b>From:</b> ").Append(System.Net.WebUtility.HtmlEncode(m.From)).Append("<br>")
                    .Append("<b>Sent:</b> ").Append(m.Sent).Append("<br>")
                    .Append("<b>To:</b> ").Append(System.Net.WebUtility.HtmlEncode(m.To)).Append("<br>")
                    .Append("<b>Subject:</b> ").Append(m.Subject).Append(round > 0 ? $" ({round + 1})" : "")
                    .Append("</font><div>&nbsp;</div></div>")
                    .Append("<blockquote style=\"margin:0 0 0 .8ex;border-left:1px solid rgb(204,204,204);padding-left:1ex\">")
                    .Append("<div class=\"WordSection1\">");
                foreach (var sentence in m.Body.Split(". "))
                    html.Append(pStyle).Append("<span style=\"font-size:11pt;color:#1F497D\">")
                        .Append(System.Net.WebUtility.HtmlEncode(sentence.TrimEnd('.'))).Append(".</span></p>")
                        .Append(pStyle).Append("<span>&nbsp;</span></p>");
                html.Append("<table class=\"MsoNormalTable\" border=\"0\" cellspacing=\"0\" cellpadding=\"0\"><tr>")
                    .Append("<td style=\"padding:0in 0in 0in 0in\"><p class=\"MsoNormal\"><b><span style=\"font-size:10pt;color:#2F5496\">")
                    .Append(System.Net.WebUtility.HtmlEncode(m.From.Split(" <")[0])).Append("</span></b><br>")
                    .Append("<span style=\"font-size:9pt;color:#595959\">Contoso Ltd. | 100 Main Street, Boston MA | +1 617 555 0100</span></p></td></tr></table>")
                    .Append("</div></blockquote>");
            }
            round++;
        }
        html.Append("</body></html>");
        return html.ToString();
    }

    public static Draft English => new()
    {
        Subject = EnglishSubject,
        Body = EnglishBody,
        To = [new EmailAddress("Sarah Miller", "sarah.miller@contoso.example")],
        Cc = [new EmailAddress("Tom Becker", "tom.becker@northwind-analytics.example")],
        ReferenceTime = EnglishReference,
    };

    public static Draft Chinese => new()
    {
        Subject = ChineseSubject,
        Body = ChineseBody,
        To = [new EmailAddress("王建国", "wang.jianguo@contoso.example")],
        Cc = [new EmailAddress("刘工", "liu.gong@northwind-data.example")],
        ReferenceTime = ChineseReference,
    };

    public static Draft Thread => new()
    {
        Subject = ThreadSubject,
        Body = ThreadHtml,
        BodyType = BodyType.Html,
        To = [new EmailAddress("Sarah Miller", "sarah.miller@contoso.example")],
        Cc = [new EmailAddress("David Chen", "david.chen@contoso.example")],
        ReferenceTime = EnglishReference,
    };
}
