// The preview's HTML: the exported page's blocks, each wrapped so the browser can replace it
// alone, a status area at the top, and the script that applies the server's events.

import Foundation
import NNBook
import NNBookRender

/// How a block stands in the page the browser shows.
enum BlockState: String {
    /// From the run that just finished, or reused from the cache.
    case current
    /// Running now.
    case running
    /// Waiting for its turn in a run that is under way, showing its last outputs.
    case pending
    /// From an earlier run: the notebook changed (or failed to check) since.
    case stale
}

enum PreviewPage {
    /// The page's blocks: title, run line, failure line, then prose and cells, each rendered
    /// by the HTML export and wrapped in an element with a stable id.
    static func blocks(_ page: Page, states: [String: BlockState]) -> [PreviewHub.Block] {
        var blocks: [PreviewHub.Block] = []
        func add(_ id: String, _ html: String, state: BlockState = .current) {
            // The hash lets the browser keep an element whose content is the same, even when it
            // is sent again (as to a browser that has just connected).
            var hasher = Hasher()
            hasher.combine(html)
            hasher.combine(state.rawValue)
            let hash = String(UInt(bitPattern: hasher.finalize()), radix: 36)
            let escaped = HTMLText.escape(id)
            blocks.append(.init(id: id, html: "<div class=\"block \(state.rawValue)\" id=\"block-\(escaped)\" data-id=\"\(escaped)\" data-hash=\"\(hash)\">\n\(html)\n</div>"))
        }
        if let title = page.title { add("title", "<h1>\(HTMLText.escape(title))</h1>") }
        let fragments = HTMLRenderer.fragments(page)
        add("run", fragments.runLine)
        if let failure = fragments.failureLine { add("failure", failure) }
        var prose = 0
        for (block, html) in zip(page.blocks, fragments.blocks) {
            switch block {
            case .prose:
                prose += 1
                add("prose-\(prose)", html)
            case .cell(let cell):
                add("cell-\(cell.label)", html, state: states[cell.label] ?? .current)
            }
        }
        return blocks
    }

    /// The whole document, as a browser first loads it.
    static func document(title: String, status: String, blocks: [PreviewHub.Block]) -> String {
        let body = "<div id=\"nnbook-status\">\(status)</div>\n<div id=\"nnbook-blocks\">\n" + blocks.map(\.html).joined(separator: "\n") + "\n</div>"
        let policy = "<meta http-equiv=\"Content-Security-Policy\" content=\"\(contentSecurityPolicy)\"/>\n"
        return HTMLRenderer.document(title: title, body: body, head: policy + "<style>\(style)</style>\n<script>\(script)</script>")
    }

    /// The export's policy (`HTMLRenderer.contentSecurityPolicy`: nothing loaded but the
    /// pictures inside the page, no script) with the two things the preview needs: its own
    /// script, allowed by its SHA-256 so that no other inline script runs, and its event stream
    /// from the server that sent the page. Sent as a header and in the page.
    static let contentSecurityPolicy: String = {
        let digest = SHA256.hex(of: Data(script.utf8))
        let bytes = stride(from: 0, to: digest.count, by: 2).map { offset -> UInt8 in
            let start = digest.index(digest.startIndex, offsetBy: offset)
            return UInt8(digest[start..<digest.index(start, offsetBy: 2)], radix: 16) ?? 0
        }
        return HTMLRenderer.contentSecurityPolicy + "; script-src 'sha256-\(Data(bytes).base64EncodedString())'; connect-src 'self'"
    }()

    /// The status area's HTML for a message, and for diagnostics printed as on the terminal.
    static func status(_ message: String, kind: String, detail: String? = nil) -> String {
        var html = "<div class=\"status \(kind)\"><p>\(HTMLText.escape(message))</p>"
        if let detail { html += "<pre>\(HTMLText.escape(detail))</pre>" }
        return html + "</div>"
    }

    /// Marks cells that are running, waiting or out of date, and shows live progress.
    private static let style = """
        #nnbook-status { position: sticky; top: 0; z-index: 1; background: var(--paper); padding-top: 0.5rem; }
        #nnbook-status .status { margin: 0 0 1rem; padding: 0.4rem 0.8rem; border-radius: 6px; font-size: 0.9em; background: var(--code); }
        #nnbook-status pre { max-height: 40vh; overflow: auto; }
        #nnbook-status .status p { margin: 0.2rem 0; }
        #nnbook-status .error { border-left: 4px solid #d62728; }
        #nnbook-status .running { border-left: 4px solid #1f77b4; }
        #nnbook-status .done { border-left: 4px solid #2ca02c; }
        .block.pending .cell, .block.stale .cell { opacity: 0.55; }
        .block.stale .cell { border-left-color: #999; }
        .block.running .cell { border-left-color: #ff7f0e; }
        .block.running .cell::before { content: "running…"; font-size: 0.8em; color: #ff7f0e; }
        .block.stale .cell::before { content: "stale: from the last good run"; font-size: 0.8em; opacity: 0.8; }
        pre.progress { font-size: 0.8em; white-space: pre; }
        """

    /// Applies `page` events (replace changed blocks, keep the others, reorder) and `progress`
    /// events (the running cell's bar). Elements whose hash did not change are left alone, so
    /// the reader's scroll position and selection stay.
    private static let script = """
        (function () {
          function apply(update) {
            document.title = update.title;
            if (typeof update.status === 'string') document.getElementById('nnbook-status').innerHTML = update.status;
            const container = document.getElementById('nnbook-blocks');
            const wanted = new Set(update.order);
            for (const child of Array.from(container.children)) {
              if (!wanted.has(child.dataset.id)) child.remove();
            }
            let previous = null;
            for (const id of update.order) {
              let element = document.getElementById('block-' + id);
              const html = update.changed[id];
              if (html !== undefined) {
                const template = document.createElement('template');
                template.innerHTML = html;
                const fresh = template.content.firstElementChild;
                if (!element) {
                  container.appendChild(fresh);
                  element = fresh;
                } else if (element.dataset.hash !== fresh.dataset.hash) {
                  element.replaceWith(fresh);
                  element = fresh;
                }
              }
              if (!element) continue;
              const expected = previous ? previous.nextElementSibling : container.firstElementChild;
              if (expected !== element) container.insertBefore(element, expected);
              previous = element;
            }
          }
          function progress(update) {
            const element = document.getElementById('block-' + update.id);
            if (!element) return;
            let bar = element.querySelector('pre.progress');
            if (!bar) {
              bar = document.createElement('pre');
              bar.className = 'progress';
              (element.querySelector('section') || element).appendChild(bar);
            }
            bar.textContent = update.text;
          }
          window.nnbookPreview = { updates: 0 };
          const events = new EventSource('/events');
          events.addEventListener('page', function (event) { apply(JSON.parse(event.data)); window.nnbookPreview.updates += 1; });
          events.addEventListener('progress', function (event) { progress(JSON.parse(event.data)); });
        })();
        """
}
