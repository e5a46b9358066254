// The author's raw HTML in the HTML export, one named case per way of smuggling a script, a
// handler or an outside address past a filter, each with the exact HTML that comes out. The
// Chromium test (ExportAgreementTests) opens the same kind of page in a real browser.

import XCTest
@testable import NNBookRender

final class RawHTMLFilterTests: XCTestCase {
    /// The HTML of one paragraph of prose.
    private func html(_ markdown: String) -> String {
        GitHubMarkdown.html(pieces: [markdown]).joined()
    }

    func testEventHandlersGoWhateverTheSpelling() {
        XCTAssertEqual(html("<img src=\"a.png\" onerror=\"alert(1)\" alt=\"a\">"), "<img src=\"a.png\" alt=\"a\">\n")
        XCTAssertEqual(html("<IMG SRC=a.png ONERROR=alert(1)>"), "<img src=\"a.png\">\n")
        XCTAssertEqual(html("<img/src=a.png/onerror=alert(1)>"), "<p>&lt;img/src=a.png/onerror=alert(1)&gt;</p>\n", "not a tag to CommonMark: text")
        XCTAssertEqual(html("<div>\n<img/src=a.png/onerror=alert(1)>\n</div>"), "<div>\n<img src=\"a.png/onerror=alert(1)\">\n</div>\n",
                       "inside an HTML block it is a tag, and an unquoted value runs to the next space, as the browser reads it")
        XCTAssertEqual(html("<details open ontoggle=alert(1)>\n<summary>s</summary>\n</details>"), "<details open>\n<summary>s</summary>\n</details>\n")
        XCTAssertEqual(html("a <b onmouseover='alert(1)' title=\"x > y\">b</b>"), "<p>a <b title=\"x &gt; y\">b</b></p>\n", "a > inside quotes ends no tag")
        XCTAssertEqual(html("<p style=\"background:url(https://example.com/x.png)\" class=\"c\">p</p>"), "<p>p</p>\n")
    }

    func testScriptAndFramesAreShownAsTextOtherUnknownTagsDropped() {
        XCTAssertEqual(html("<script>alert(1)</script>"), "&lt;script>alert(1)&lt;/script>\n")
        XCTAssertEqual(html("<iframe src=\"javascript:alert(1)\"></iframe>"), "&lt;iframe src=\"javascript:alert(1)\">&lt;/iframe>\n")
        XCTAssertEqual(html("a <svg onload=alert(1)><circle/></svg> b"), "<p>a  b</p>\n")
        XCTAssertEqual(html("<object data=\"x.swf\"></object><embed src=\"x.swf\"><form action=\"javascript:alert(1)\"><button formaction=\"javascript:alert(1)\">b</button></form>"), "<p>b</p>\n")
        XCTAssertEqual(html("<div>\n<!-- a comment --><b>kept</b>\n</div>"), "<div>\n<b>kept</b>\n</div>\n")
    }

    func testDangerousAddressesGoInTagsAndInMarkdown() {
        XCTAssertEqual(html("<a href=\"javascript:alert(1)\">a</a>"), "<p><a>a</a></p>\n")
        XCTAssertEqual(html("<a href=\"&#106;avascript&#x3A;alert(1)\">a</a>"), "<p><a>a</a></p>\n", "character references are decoded before the check")
        XCTAssertEqual(html("<a href=\"java&#9;script:alert(1)\">a</a>"), "<p><a>a</a></p>\n", "a tab inside the scheme is ignored by browsers")
        XCTAssertEqual(html("<a href=\"javascript&colon;alert(1)\">a</a>"), "<p><a href=\"javascript&amp;colon;alert(1)\">a</a></p>\n",
                       "an unknown reference stays text: the browser reads what was checked")
        XCTAssertEqual(html("<a href=\" VBScript:msgbox(1)\">a</a> <img src=\"data:text/html,x\">"), "<p><a>a</a> <img></p>\n")
        XCTAssertEqual(html("<a href=\"https://example.com/a?b=1&amp;c=2\">a</a> <img src=\"data:image/png;base64,AAAA\">"),
                       "<p><a href=\"https://example.com/a?b=1&amp;c=2\">a</a> <img src=\"data:image/png;base64,AAAA\"></p>\n")
        XCTAssertEqual(html("<img src=\"https://example.com/t.png\"> ![t](http://example.com/t.png) ![d](diagram.png)"),
                       "<p><img> <img src=\"\" alt=\"t\" /> <img src=\"diagram.png\" alt=\"d\" /></p>\n", "a picture from the network is never loaded")
        XCTAssertEqual(html("[a](javascript:alert(1)) ![b](vbscript:x) [c](data:text/html,x) <javascript:alert(1)>"),
                       "<p><a href=\"\">a</a> <img src=\"\" alt=\"b\" /> <a href=\"\">c</a> <a href=\"\">javascript:alert(1)</a></p>\n")
        XCTAssertEqual(html("[a](https://example.com) [b](#anchor) [c](other.md) [d](mailto:a@example.com)"),
                       "<p><a href=\"https://example.com\">a</a> <a href=\"#anchor\">b</a> <a href=\"other.md\">c</a> <a href=\"mailto:a@example.com\">d</a></p>\n")
    }

    /// Browsers read `//host/x`, `\\host/x` and `/\host/x` as addresses on another host, after
    /// dropping spaces and control characters: a picture's address never starts with a slash.
    func testAPictureNeverComesFromAnotherHostWhateverTheSpelling() {
        for address in ["//h/x", "\\\\h/x", "/\\h/x", "&#47;&#47;h/x", "&#x2F;/h/x", "\t//h/x", "\n//h/x", " //h/x", "/x.png"] {
            XCTAssertEqual(html("a <img src=\"\(address)\">"), "<p>a <img></p>\n", address)
        }
        for markdown in ["![](//h/x)", "![](<//h/x>)", "![](\\\\h/x)", "![](&#47;&#47;h/x)", "![](/\\h/x)", "![r][p]\n\n[p]: //h/x", "![p]\n\n[p]: <//h/x>"] {
            XCTAssertTrue(html(markdown).contains("<img src=\"\""), "\(markdown.debugDescription) gave \(html(markdown))")
        }
        XCTAssertEqual(html("![d](pictures/d.png) [home](/index.html)"), "<p><img src=\"pictures/d.png\" alt=\"d\" /> <a href=\"/index.html\">home</a></p>\n",
                       "a relative picture stays, and a link may lead anywhere a reader chooses to follow")
    }

    func testALessThanThatStartsNoCompleteTagIsText() {
        XCTAssertEqual(html("<div\n\nonerror=alert(1)>"), "&lt;div\n<p>onerror=alert(1)&gt;</p>\n")
        XCTAssertEqual(html("<div>\n<img src=\"a.png\" onerror=\"alert(1)\n</div>"), "<div>\n&lt;img src=\"a.png\" onerror=\"alert(1)\n</div>\n")
    }

    func testGitHubsFormattingTagsStay() {
        let kept = "<div align=\"center\">\n<p>A <b>b</b>, <kbd>Ctrl</kbd>, <sub>2</sub>, <br> and <a href=\"#x\" title=\"t\">link</a>.</p>\n</div>"
        XCTAssertEqual(html(kept), kept + "\n")
    }

    /// Tag soup from pieces that attacks are made of, 20,000 seeded samples: in what comes out,
    /// every `<` starts a tag on the allow list, whose attributes are allowed and whose
    /// addresses are safe, and filtering again changes nothing.
    func testWhateverGoesInOnlyAllowedTagsComeOut() {
        let pieces = ["<", ">", "</", "/", " ", "\n", "\t", "=", "\"", "'", "img", "a", "div", "script", "svg", "style", "details", "IMG",
                      "onerror", "onclick", "ONLOAD", "href", "src", "style", "title", "javascript:", "data:text/html,", "data:image/png,", "x",
                      "&#106;", "&#x3A;", "&colon;", "&amp;", "&", "#", ";", "<!--", "-->", "<!", "?", "alert(1)"]
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        for _ in 0..<20_000 {
            let input = (0..<(1 + next(40))).map { _ in pieces[next(pieces.count)] }.joined()
            let output = RawHTMLFilter.filter(input)
            XCTAssertEqual(RawHTMLFilter.filter(output), output, "filtering is idempotent: \(input)")
            let bytes = Array(output.utf8)
            for index in bytes.indices where bytes[index] == UInt8(ascii: "<") {
                guard let tag = RawHTMLFilter.Tag.parse(bytes, at: index) else { return XCTFail("a < that starts no tag in \(output.debugDescription) from \(input.debugDescription)") }
                XCTAssertTrue(RawHTMLFilter.elements.contains(tag.name), "\(tag.name) from \(input.debugDescription)")
                for (name, value) in tag.attributes {
                    if let elements = RawHTMLFilter.addresses[name] {
                        XCTAssertTrue(elements.contains(tag.name) && RawHTMLFilter.isSafe(value ?? "", as: name == "src" ? .picture : .link), "\(name)=\(value ?? "") from \(input.debugDescription)")
                    } else {
                        XCTAssertTrue(RawHTMLFilter.attributes.contains(name), "\(name) from \(input.debugDescription)")
                    }
                }
            }
        }
    }
}
