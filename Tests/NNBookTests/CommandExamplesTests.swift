// Every example in every built-in command's help passes the check, in a notebook that has
// defined what the example uses: the help never teaches a line that nnbook would reject.

import Foundation
import XCTest
@testable import NNBook

final class CommandExamplesTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        folder = try NotebookFixtures.folder(removedAfter: self)
        let data = folder.appendingPathComponent("data")
        try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            at: NotebookFixtures.repository.appendingPathComponent("Notebooks/data/insurance.csv"), to: data.appendingPathComponent("insurance.csv"))
        try ("area,bedrooms,price\n" + (0..<120).map { "\(1000 + 10 * $0),\(1 + $0 % 4),\(200 + $0)" }.joined(separator: "\n") + "\n")
            .write(to: data.appendingPathComponent("houses.csv"), atomically: true, encoding: .utf8)
        // The check reads only the headers of MNIST's files, so headers stand in for them.
        for set in ["mnist", "fashion-mnist", "data/mnist"] {
            try NotebookFixtures.mnistHeaders(in: set.hasPrefix("data/") ? folder.appendingPathComponent(set) : folder.appendingPathComponent("images/\(set)"))
        }
        setenv("NNBOOK_DATA", folder.appendingPathComponent("images").path, 1)
    }

    override func tearDownWithError() throws {
        unsetenv("NNBOOK_DATA")
        try? FileManager.default.removeItem(at: folder)
    }

    /// A lesson that has defined every name the examples use.
    private static let lesson = """
        ```csv name=homes
        area,bedrooms,price
        2600,4,550
        3000,4,565
        3200,3,610
        ```

        ```csv name=fruit
        FRUIT
        ```

        ```csv name=gates
        a,b,y
        0,0,0
        0,1,1
        1,0,1
        1,1,0
        ```

        ```nnbook
        load csv "data/insurance.csv" as insurance target=bought_insurance
        split insurance test=0.2
        load inline homes as homes target=price
        load inline fruit as fruit target=kind LOADFRUIT
        load inline gates as gates target=y
        load csv "data/houses.csv" as houses target=price
        load fashion-mnist as clothes
        take clothes.train 2000 as small
        DIGITS
        model neuron
          dense 1 activation=sigmoid weights=ones bias=zeros
        compile neuron loss=binary_crossentropy optimizer=sgd rate=0.5 metrics=[accuracy]
        train neuron on insurance descent=batch epochs=10
        HIDDEN
        model big
          flatten
          dense 10 activation=softmax
        compile big loss=sparse_categorical_crossentropy optimizer=adam metrics=[accuracy]
        train big on small epochs=5
        model fruity
          dense 3 activation=softmax
        compile fruity loss=sparse_categorical_crossentropy optimizer=adam
        train fruity on fruit
        model batch
          dense 1
        compile batch loss=mse optimizer=sgd
        train batch on homes descent=batch
        model stochastic
          dense 1
        compile stochastic loss=mse optimizer=sgd
        train stochastic on homes descent=stochastic
        model mini
          dense 1
        compile mini loss=mse optimizer=sgd
        train mini on homes
        model batch_gd
          dense 1
        compile batch_gd loss=mse optimizer=sgd
        train batch_gd on homes descent=batch
        model stochastic_gd
          dense 1
        compile stochastic_gd loss=mse optimizer=sgd
        train stochastic_gd on homes descent=stochastic
        model mini_batch_gd
          dense 1
        compile mini_batch_gd loss=mse optimizer=sgd
        train mini_batch_gd on homes
        model slow
          dense 1
        compile slow loss=mse optimizer=sgd rate=0.001
        train slow on homes
        model fast
          dense 1
        compile fast loss=mse optimizer=sgd rate=0.1
        train fast on homes
        model diverging
          dense 1
        compile diverging loss=mse optimizer=sgd rate=10
        train diverging on homes
        EXAMPLE
        ```
        """

    /// `digits` is a data set in some examples and a model in others.
    private static func notebook(for example: String) -> String {
        let digitsIsAModel = example.contains("digits on mnist")
        let digits = digitsIsAModel
            ? "load mnist as mnist\nmodel digits input=[28, 28]\n  flatten\n  dense 10 activation=softmax\ncompile digits loss=sparse_categorical_crossentropy optimizer=adam\ntrain digits on mnist"
            : "load mnist as digits"
        // `boundary` draws classifiers of two inputs: there `hidden` learns the gates, and the
        // fruit are measured in two numbers rather than named by colour.
        let boundary = example.hasPrefix("boundary")
        let hidden = example.contains("hidden on gates")
            ? "model hidden\n  dense 4 activation=relu\n  dense 2 activation=softmax\ncompile hidden loss=sparse_categorical_crossentropy optimizer=adam\ntrain hidden on gates"
            : "model hidden\n  flatten\n  dense 100 activation=relu\n  dense 10 activation=softmax\ncompile hidden loss=sparse_categorical_crossentropy optimizer=adam metrics=[accuracy]\ntrain hidden on clothes epochs=1"
        // The lesson splits insurance already, and a data set is split once: `split`'s
        // example splits it loaded anew.
        let reload = example.hasPrefix("split insurance") ? "load csv \"data/insurance.csv\" as insurance target=bought_insurance\n" : ""
        let fruit = boundary ? "weight,width,kind\n150,7,0\n170,8,1\n120,6,2\n160,7,1\n155,7,0\n125,6,2\n175,8,1\n130,6,2" : "weight,colour,kind\n150,red,0\n170,green,1\n120,yellow,2\n160,green,1"
        return lesson.replacingOccurrences(of: "DIGITS", with: digits).replacingOccurrences(of: "HIDDEN", with: hidden)
            .replacingOccurrences(of: " LOADFRUIT", with: boundary ? "\nsplit fruit test=0.25" : " one_hot=[colour]").replacingOccurrences(of: "FRUIT", with: fruit)
            .replacingOccurrences(of: "EXAMPLE", with: reload + example)
    }

    func testTheLessonItselfChecks() {
        XCTAssertEqual(NotebookFixtures.diagnostics(Self.notebook(for: ""), folder: folder), [])
        XCTAssertEqual(NotebookFixtures.diagnostics(Self.notebook(for: "train digits on mnist"), folder: folder), [])
    }

    func testEveryExampleOfEveryBuiltInCommandPassesTheCheck() {
        var checked = 0
        for verb in BuiltInPlugins.registry().verbs {
            let schema = BuiltInPlugins.registry().command(verb)!.schema
            // A layer line's example stands under a model.
            let examples = schema.examples + schema.clauses.flatMap { clause in clause.examples.map { "model example\n  " + $0 + "\n  dense 1" } }
            XCTAssertFalse(examples.isEmpty, "'\(verb)' has no example")
            for example in examples {
                XCTAssertEqual(NotebookFixtures.diagnostics(Self.notebook(for: example), folder: folder), [], "\(verb): \(example)")
                checked += 1
            }
        }
        XCTAssertGreaterThan(checked, 40)
    }
}
