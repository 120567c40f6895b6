import Testing
import Harness

@Suite struct CreditRenderingTests {
    @Test func colourFollowsSignAndSize() {
        let rendering = CreditRendering(pieces: [
            .init(before: "", text: "bad", credit: -2),
            .init(before: " ", text: "good", credit: 1),
            .init(before: " ", text: "film", credit: 0),
        ])
        // The largest |credit| (2) gets the strongest colour: 255 * (1 - 0.75) = 63.75 -> 64.
        #expect(rendering.ansi.contains("48;2;255;64;64m\u{1B}[38;2;0;0;0mbad"))
        // Half the largest size: 255 * (1 - 0.375) = 159.4 -> 159, on green.
        #expect(rendering.ansi.contains("48;2;159;255;159m\u{1B}[38;2;0;0;0mgood"))
        #expect(rendering.ansi.contains("48;2;255;255;255m\u{1B}[38;2;0;0;0mfilm"))
    }

    @Test func htmlEscapesTheText() {
        let page = CreditRendering(pieces: [.init(before: "", text: "<b>&", credit: 1)]).html(title: "t", caption: "c")
        #expect(page.contains("&lt;b&gt;&amp;"))
        #expect(!page.contains("<b>&"))
    }
}
