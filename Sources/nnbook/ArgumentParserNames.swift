// The executable's own command line is declared with swift-argument-parser, whose `@Argument`
// and `@Option` share their names with NNBook's notebook-command declarations; inside this
// module the names mean swift-argument-parser's.

import ArgumentParser

typealias Argument = ArgumentParser.Argument
typealias Option = ArgumentParser.Option
