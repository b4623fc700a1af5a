namespace VillageCraftPortal.Site.Tests.E2E.Backoffice;

/// <summary>
/// Script-injection attempts, mostly from OWASP's XSS Filter Evasion Cheat Sheet. Vector N calls alert(N) or sets
/// window.__xss = N, so a dialog, a leftover global or a surviving handler names the vector that got through.
/// </summary>
public static class XssVectors
{
    public static readonly IReadOnlyList<string> All =
    [
        /* 1 */ "<script>alert(1)</script>",
        /* 2 */ "<img src=x onerror=alert(2)>",
        /* 3 */ "<svg/onload=alert(3)>",
        /* 4 */ "<a href=\"javascript:alert(4)\">link 4</a>",
        /* 5 */ "<iframe src=\"javascript:alert(5)\"></iframe>",
        /* 6 */ "<body onload=alert(6)>",
        /* 7 */ "<math><mtext><table><mglyph><style><img src=x onerror=alert(7)>",
        /* 8 */ "<IMG SRC=JaVaScRiPt:alert(8)>",
        /* 9 */ "<a href=\"&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(9)\">link 9</a>",
        /* 10 */ "<a href=\"jav&#x09;ascript:alert(10)\">link 10</a>",
        /* 11 */ "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxMSk8L3NjcmlwdD4=\">link 11</a>",
        /* 12 */ "<style>@import 'javascript:alert(12)';</style>",
        /* 13 */ "<div style=\"width: expression(alert(13));\">box 13</div>",
        /* 14 */ "<object data=\"javascript:alert(14)\"></object>",
        /* 15 */ "<embed src=\"javascript:alert(15)\">",
        /* 16 */ "<form action=\"javascript:alert(16)\"><button>send 16</button></form>",
        /* 17 */ "<input autofocus onfocus=alert(17)>",
        /* 18 */ "<details open ontoggle=alert(18)>",
        /* 19 */ "<marquee onstart=alert(19)>marquee 19</marquee>",
        /* 20 */ "\"><script>alert(20)</script>",
        /* 21 */ "</textarea><script>alert(21)</script>",
        /* 22 */ "<noscript><p title=\"</noscript><img src=x onerror=alert(22)>\">",
        /* 23 */ "<svg></p><style><a id=\"</style><img src=1 onerror=alert(23)>\">",
        /* 24 */ "<svg class=v24><use href=\"data:image/svg+xml;base64,PHN2ZyBpZD0ieCIgeG1sbnM9Imh0dHA6Ly93d3cudzMub3JnLzIwMDAvc3ZnIj48aW1hZ2UgaHJlZj0iMSIgb25lcnJvcj0iYWxlcnQoMjQpIi8+PC9zdmc+#x\"/></svg>",
        /* 25 */ "<base href=\"javascript:alert(25)//\">",
        /* 26 */ "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(26)\">",
        /* 27 */ "<link rel=import href=\"data:text/html,<script>alert(27)</script>\">",
        /* 28 */ "<iframe srcdoc=\"<script>parent.alert(28)</script>\"></iframe>",
        /* 29 */ "<a href=\" &#14;  javascript:alert(29)\">link 29</a>",
        /* 30 */ "<svg><a xlink:href=\"javascript:alert(30)\"><text x=\"20\" y=\"20\">svg link 30</text></a></svg>",
        /* 31 */ "<IMG \"\"\"><SCRIPT>alert(31)</SCRIPT>\">",
        /* 32 */ "<SCRIPT SRC=data:text/javascript,alert(32)></SCRIPT>",
        /* 33 */ "<img src=x:alert(alt) onerror=eval(src) alt=33>",
        /* 34 */ "<video><source onerror=\"alert(34)\"></video>",
        /* 35 */ "<audio src=x onerror=alert(35)>",
        /* 36 */ "<a href=\"javas&#99;ript:alert(36)\">link 36</a>",
        /* 37 */ "<a href=\"vbscript:alert(37)\">link 37</a>",
        /* 38 */ "<table background=\"javascript:alert(38)\"><tr><td>cell 38</td></tr></table>",
        /* 39 */ "<p style=\"background:url('javascript:alert(39)')\">para 39</p>",
        /* 40 */ "<x onclick=alert(40) contenteditable>click 40</x>",
        /* 41 */ "<select autofocus onfocus=alert(41)></select>",
        /* 42 */ "<svg><animate onbegin=alert(42) attributeName=x dur=1s>",
        /* 43 */ "<frameset onload=alert(43)>",
        /* 44 */ "<a href=\"&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;&#x3A;alert(44)\">link 44</a>",
        /* 45 */ "<img src=x onerror=\"&#0000106;&#0000097;&#0000118;&#0000097;&#0000115;&#0000099;&#0000114;&#0000105;&#0000112;&#0000116;&#0000058;&#0000097;&#0000108;&#0000101;&#0000114;&#0000116;&#0000040;&#0000052;&#0000053;&#0000041;\">",
        /* 46 */ "<form><button formaction=javascript:alert(46)>send 46</button></form>",
        /* 47 */ "<a href=\"javascript&colon;alert(47)\">link 47</a>",
        /* 48 */ "<img src=\"/\" =_=\" title=\"onerror='alert(48)'\">",
        /* 49 */ "</script><script>window.__xss=49</script>",
        /* 50 */ "';window.__xss=50;//\";window.__xss=50;//",
        /* 51 */ "<svg><script>window.__xss=51</script></svg>",
        /* 52 */ "<img src=x onerror=window.__xss=52>",
        /* 53 */ "<a href=\"jAvAsCrIpT&colon;window.__xss=53\">link 53</a>",
    ];

    /// <summary>The 1-based number of a vector, as it appears in the marker written next to it.</summary>
    public static string Marker(int index) => $"XSS-{index + 1:00}";
}
