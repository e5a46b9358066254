// Values from data and from plugins land in the page as text: a hostile CSV header, field or
// plugin output never becomes markup in the Markdown page, nor live HTML in `render --to html`.

import Foundation
import XCTest

final class PageInjectionTests: XCTestCase {
    /// A header and a field that try every way out of a table cell and a code block.
    static let hostileHeader = "\"```\n# Owned\n<script>alert(1)</script>\",\"[x](javascript:alert(2)) ![i](http://example.com/t.png) a|b\",y"
    static let hostileRow = "1,2,0\n3,4,1\n"

    func testDataValuesStayTextInThePageAndInHTML() throws {
        let cli = try CLIFixture()
        try (PageInjectionTests.hostileHeader + "\n" + PageInjectionTests.hostileRow).write(to: cli.folder.appendingPathComponent("h.csv"), atomically: true, encoding: .utf8)
        try "```nnbook\nload csv \"h.csv\" as d target=y\nshow d\ndescribe d\n```\n".write(to: cli.folder.appendingPathComponent("h.nnbook"), atomically: true, encoding: .utf8)
        let run = try cli.nnbook("run", "h.nnbook", "--quiet")
        XCTAssertEqual(run.status, 0, run.error)
        let page = try String(contentsOf: cli.folder.appendingPathComponent("h.md"), encoding: .utf8)
        let outside = PageInjectionTests.linesOutsideCodeBlocks(page)
        XCTAssertFalse(outside.contains { $0.hasPrefix("#") || PageInjectionTests.unescaped("<script", in: $0) || PageInjectionTests.unescaped("](", in: $0) }, page)
        XCTAssertTrue(outside.filter { $0.hasPrefix("| ") }.allSatisfy { $0.hasSuffix(" |") }, page)
        XCTAssertEqual(outside.filter { $0.hasPrefix("| ") }.count, 7, "two tables of 3 and 4 rows, none broken: \(page)")

        let html = try cli.nnbook("render", "h.nnbook", "--to", "html", "--quiet")
        XCTAssertEqual(html.status, 0, html.error)
        let document = try String(contentsOf: cli.folder.appendingPathComponent("h.html"), encoding: .utf8)
        XCTAssertFalse(document.contains("<script>alert"), "data became live HTML")
        XCTAssertFalse(document.contains("href=\"javascript:"), "data became a javascript: link")
        XCTAssertFalse(document.contains("src=\"http://example.com"), "data loads from the network")
        XCTAssertFalse(document.contains("<h1>Owned"), "data became a heading")
    }

    /// A `-p` value is untrusted: written where the author's prose puts it, it stays that
    /// place's text. In raw HTML a quote, a space or `=` cannot end the attribute (entities);
    /// in a link's address a space or a parenthesis cannot end the link (percent-encoded) and
    /// `javascript:` loses its scheme; in a title a quote cannot end the title; at the start
    /// of a line a `#` starts no heading.
    func testParameterValuesStayTextInTheAuthorsHTMLAndLinks() throws {
        let cli = try CLIFixture()
        try """
            ---
            params:
              who: Ada
              url: "https://example.org/a"
            ---
            A <span title="{{who}}">hover</span> and <b title={{who}}>bare</b>.

            <div title="{{who}}">
            {{who}}
            </div>

            [site]({{url}} "{{who}}") and [plain]({{url}}).

            {{who}} starts this line; {{who}} ends it.

            ```nnbook
            activation relu x=[1]
            ```

            """.write(to: cli.folder.appendingPathComponent("p.nnbook"), atomically: true, encoding: .utf8)
        let hostile = #"who=# x" onmouseover="alert(1)" y=<b>"#
        let run = try cli.nnbook("run", "p.nnbook", "--quiet", "-p", hostile, "-p", "url=https://example.org/a b(c)")
        XCTAssertEqual(run.status, 0, run.error)
        let page = try String(contentsOf: cli.folder.appendingPathComponent("p.md"), encoding: .utf8)
        let html = "#&#32;x&quot;&#32;onmouseover&#61;&quot;alert(1)&quot;&#32;y&#61;&lt;b&gt;"
        XCTAssertTrue(page.contains("""
            A <span title="\(html)">hover</span> and <b title=\(html)>bare</b>.

            <div title="\(html)">
            \(html)
            </div>

            [site](https://example.org/a%20b%28c%29 "\\# x\\" onmouseover\\=\\"alert\\(1\\)\\" y\\=\\<b\\>") and [plain](https://example.org/a%20b%28c%29).

            \\# x" onmouseover="alert(1)" y=\\<b\\> starts this line; # x" onmouseover="alert(1)" y=\\<b\\> ends it.
            """), page)

        let script = try cli.nnbook("run", "p.nnbook", "--quiet", "-p", "url=javascript:alert(1)")
        XCTAssertEqual(script.status, 0, script.error)
        let scripted = try String(contentsOf: cli.folder.appendingPathComponent("p.md"), encoding: .utf8)
        XCTAssertTrue(scripted.contains("[plain](javascript%3Aalert%281%29)"), scripted)
    }

    func testPluginTextWithFencesStaysInItsCodeBlock() throws {
        let cli = try CLIFixture()
        let plugins = cli.folder.appendingPathComponent("plugins")
        try FileManager.default.createDirectory(at: plugins, withIntermediateDirectories: true)
        let describe = #"{"protocol": 1, "plugin": {"name": "echo", "summary": "s", "commands": [{"verb": "say", "summary": "say"}]}}"#
        let answer = #"{"protocol": 1, "outputs": [{"text": "````\n# Owned\n<script>alert(3)</script>\n```"}]}"#
        let script = "#!/bin/sh\nread request\ncase \"$request\" in\n  *describe*) echo '\(describe)' ;;\n  *check*) echo '{\"protocol\": 1, \"diagnostics\": []}' ;;\n  *) printf '%s\\n' '\(answer)' ;;\nesac\n"
        try script.write(to: plugins.appendingPathComponent("nnbook-plugin-echo"), atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: plugins.appendingPathComponent("nnbook-plugin-echo").path)
        try "---\nplugins: [plugins]\n---\n```nnbook\nsay\n```\n".write(to: cli.folder.appendingPathComponent("e.nnbook"), atomically: true, encoding: .utf8)
        let run = try cli.nnbook("run", "e.nnbook", "--quiet", "--allow-plugin", "echo")
        XCTAssertEqual(run.status, 0, run.error)
        let page = try String(contentsOf: cli.folder.appendingPathComponent("e.md"), encoding: .utf8)
        XCTAssertTrue(page.contains("`````text\n````\n# Owned\n<script>alert(3)</script>\n```\n`````"), page)
        XCTAssertFalse(PageInjectionTests.linesOutsideCodeBlocks(page).contains { $0.hasPrefix("#") || PageInjectionTests.unescaped("<script", in: $0) }, page)
    }

    /// Whether `markup` occurs in `line` without a backslash before it (an escaped `\<` or `\]`
    /// is text).
    static func unescaped(_ markup: String, in line: Substring) -> Bool {
        var rest = line[...]
        while let found = rest.range(of: markup) {
            if found.lowerBound == rest.startIndex || rest[rest.index(before: found.lowerBound)] != "\\" { return true }
            rest = rest[found.upperBound...]
        }
        return false
    }

    /// The page's lines that are not inside a fenced code block, as CommonMark reads fences: a
    /// block closes only at a fence of the same character at least as long as the one that opened it.
    static func linesOutsideCodeBlocks(_ page: String) -> [Substring] {
        var outside: [Substring] = []
        var open: Int?
        for line in page.split(separator: "\n", omittingEmptySubsequences: false) {
            let run = line.prefix { $0 == "`" }.count
            if let length = open {
                if run >= length, line.dropFirst(run).allSatisfy(\.isWhitespace) { open = nil }
            } else if run >= 3 {
                open = run
            } else {
                outside.append(line)
            }
        }
        return outside
    }
}
